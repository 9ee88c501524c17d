import { SEED_POLICY_CODES, type LocalText } from '@appraisal/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../modules/audit/audit.service.js';
import { User } from '../modules/auth/user.entity.js';
import { LedgerRuleRecord } from '../modules/ledger/ledger.entity.js';
import { Notice } from '../modules/notices/notice.entity.js';
import { deliverNotice } from '../modules/notices/notice.service.js';
import type { Department } from '../modules/org/department.entity.js';
import { Policy, PolicyVersion } from '../modules/policies/policy.entity.js';
import { Scheme } from '../modules/schemes/scheme.entity.js';
import { demoSchemeDepartments } from './demo-schemes.js';

type Program = keyof typeof SEED_POLICY_CODES;

/** The five seed regulations, summarised in both languages (Markdown). */
const REGULATIONS: Record<Program, { title: LocalText; body: LocalText }> = {
  hotelAudit: {
    title: { en: 'Audit Department performance appraisal (demerit points)', zh: '审计部绩效考核办法（扣分制）' },
    body: {
      en: '# Audit Department\n\nEach day starts at **100 points**, linked to the day\'s wage.\n\n## Reward points\n- Overtime for work not caused by one\'s own errors: 20–50\n- Recognised in hotel or group activities: 20–100\n- Adopted rationalisation proposal: 30–50\n- Good deeds: 20–100; hotel excellent staff: 50–100\n\n## Deductions (each time)\n- Unclear handover causing an error: 30\n- Leaving the post unrecorded: 50\n- A complaint caused by poor service: 50\n- Missed rent or document irregularities: 30',
      zh: '# 审计部\n\n实行扣分制，每天 **100 分**，与当天工资挂钩。\n\n## 奖励加分\n- 非本人差错需加班完成工作：20–50 分\n- 参加酒店、集团活动受表彰：20–100 分\n- 合理化建议被采纳：30–50 分\n- 好人好事：20–100 分；评为酒店优秀员工：50–100 分\n\n## 处罚扣分（每次）\n- 交接不清造成差错：30 分\n- 离岗未登记：50 分\n- 服务不到位导致投诉：50 分\n- 房租、单据问题未发现：30 分',
    },
  },
  cafeteria: {
    title: { en: 'Staff cafeteria appraisal and incentive rules', zh: '员工食堂考核及奖惩办法' },
    body: {
      en: '# Staff cafeteria\n\nMonthly appraisal of hygiene, food quality, service, discipline and safety (100 points).\n\n- Deductions are recorded by the head cook with the reason.\n- Results are published monthly; **an appeal is answered within seven working days**.\n- The monthly bonus follows the grade.',
      zh: '# 员工食堂\n\n每月考核卫生、饭菜质量、服务、纪律和安全（满分 100 分）。\n\n- 扣分由厨师长登记并注明原因。\n- 考核结果每月公布；**申诉在七个工作日内答复**。\n- 月度奖金按等级发放。',
    },
  },
  nursing: {
    title: { en: 'Nursing staff performance appraisal', zh: '护理人员绩效考核方案' },
    body: {
      en: '# Nursing\n\nQuarterly appraisal of ethics, quality of care, work discipline and patient satisfaction.\n\n- The head nurse rates; the Director of Nursing reviews.\n- Grades follow fixed bands; excellent grades are limited by quota.',
      zh: '# 护理\n\n按季度考核医德医风、护理质量、工作纪律和患者满意度。\n\n- 护士长评分，护理部主任审核。\n- 等级按固定分数段确定，优秀等级设比例限制。',
    },
  },
  workshop: {
    title: { en: 'Workshop staff appraisal (people, machine, material, method, environment)', zh: '车间员工考核办法（人、机、料、法、环）' },
    body: {
      en: '# Workshop\n\nMonthly appraisal over people, machine, material, method and environment, with output.\n\n- Safety breaches are deducted each time.\n- Piece-rate pay follows the appraised output.',
      zh: '# 车间\n\n每月从人、机、料、法、环五个方面并结合产出进行考核。\n\n- 违反安全规定每次扣分。\n- 计件工资按考核产出计发。',
    },
  },
  headquarters: {
    title: { en: 'Group headquarters annual performance appraisal', zh: '集团总部年度绩效考核制度' },
    body: {
      en: '# Group headquarters\n\nAnnual appraisal of morality, ability, diligence and performance (德能勤绩).\n\n- Self-review, supervisor rating and committee calibration.\n- Results are published to each person, who acknowledges them.',
      zh: '# 集团总部\n\n年度考核德、能、勤、绩四个方面。\n\n- 个人自评、上级评分、委员会校准。\n- 考核结果向本人公布，并由本人确认。',
    },
  },
};

const DAY = 86_400_000;

/**
 * Governance demo data, inside the demo seed's transaction: the five seed regulations as published policies scoped
 * to their departments (their schemes and ledger rules linked to them), the cafeteria's v2 requiring acknowledgement
 * with v1 superseded, and notices (a pinned one to everyone with required acknowledgement, one scheduled for next
 * week, one expired), delivered to inboxes like any notice.
 */
export async function seedDemoGovernance(tx: EntityManager, departments: ReadonlyMap<string, Department>): Promise<void> {
  const hr = await tx.findOneOrFail(User, { email: 'hr@demo.local' });
  const now = new Date();
  const published = new Date(now.getTime() - 30 * DAY);
  const policies = new Map<Program, Policy>();
  for (const program of Object.keys(REGULATIONS) as Program[]) {
    const text = REGULATIONS[program];
    const department = departments.get(demoSchemeDepartments[program]);
    const policy = tx.create(Policy, { code: SEED_POLICY_CODES[program], ownerUserId: hr.id });
    await tx.flush();
    const base = { policyId: policy.id, title: text.title, body: text.body, scopeKind: 'departments' as const, scopeIds: department ? [department.id] : [], authorUserId: hr.id, reviewerUserId: hr.id };
    if (program === 'cafeteria') {
      const v1 = tx.create(PolicyVersion, { ...base, number: 1, effectiveFrom: '2026-01-01', state: 'superseded', publishedAt: new Date(now.getTime() - 200 * DAY), supersededAt: published });
      const v2 = tx.create(PolicyVersion, {
        ...base,
        number: 2,
        title: { en: `${text.title.en} (2026 revision)`, zh: `${text.title.zh}（2026年修订）` },
        effectiveFrom: published.toISOString().slice(0, 10),
        state: 'published',
        publishedAt: published,
        requiresAcknowledgement: true,
        acknowledgementWorkingDays: 10,
      });
      await tx.flush();
      void v1;
      policy.currentVersionId = v2.id;
    } else {
      const v = tx.create(PolicyVersion, { ...base, number: 1, effectiveFrom: '2026-01-01', state: 'published', publishedAt: published });
      await tx.flush();
      policy.currentVersionId = v.id;
    }
    policies.set(program, policy);
  }
  await tx.flush();
  // Schemes and ledger rules name the regulation that governs them.
  for (const scheme of await tx.find(Scheme, {})) {
    const program = (Object.keys(REGULATIONS) as Program[]).find((p) => scheme.templateKey === p || scheme.code === p);
    if (program) scheme.policyId = policies.get(program)?.id ?? null;
  }
  const byCode = new Map([...policies.values()].map((p) => [p.code, p.id]));
  for (const rule of await tx.find(LedgerRuleRecord, {})) {
    const code = (rule.document as { regulation?: { policyCode?: string } }).regulation?.policyCode;
    if (code && byCode.has(code)) rule.policyId = byCode.get(code) ?? null;
  }
  await tx.flush();

  const notices: Array<{ title: LocalText; body: LocalText; pinned: boolean; ack: boolean; publishAt: Date | null; expiresAt: Date | null; publishedAt: Date }> = [
    {
      title: { en: 'Appraisal calendar for the second half of the year', zh: '下半年考核工作安排' },
      body: { en: 'Please read the **appraisal calendar** and acknowledge it. Your tasks appear in your inbox.', zh: '请阅读**考核工作日程**并确认。您的待办事项会显示在收件箱中。' },
      pinned: true,
      ack: true,
      publishAt: null,
      expiresAt: null,
      publishedAt: new Date(now.getTime() - 2 * DAY),
    },
    {
      title: { en: 'Training on the new appraisal system next week', zh: '下周新考核系统培训' },
      body: { en: 'A one-hour training for all staff.', zh: '面向全体员工的一小时培训。' },
      pinned: false,
      ack: false,
      publishAt: new Date(now.getTime() + 7 * DAY),
      expiresAt: null,
      publishedAt: now,
    },
    {
      title: { en: 'Holiday duty roster (expired)', zh: '节假日值班安排（已过期）' },
      body: { en: 'The holiday roster is posted in each department.', zh: '节假日值班表已在各部门张贴。' },
      pinned: false,
      ack: false,
      publishAt: null,
      expiresAt: new Date(now.getTime() - DAY),
      publishedAt: new Date(now.getTime() - 40 * DAY),
    },
  ];
  for (const n of notices) {
    const notice = tx.create(Notice, { title: n.title, body: n.body, audience: { kind: 'all' }, pinned: n.pinned, requiresAcknowledgement: n.ack, publishAt: n.publishAt, expiresAt: n.expiresAt, createdByUserId: hr.id });
    notice.publishedAt = n.publishedAt;
    await tx.flush();
    if (!n.publishAt) await deliverNotice(tx, notice.id, n.publishedAt);
  }
  recordAudit(tx, null, { operation: 'seedDemoData', entityType: 'Governance', entityId: 'demo', after: { policies: policies.size, notices: notices.length } });
}
