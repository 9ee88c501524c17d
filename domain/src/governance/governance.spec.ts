import { describe, expect, it } from 'vitest';
import { cnCalendar } from '../calendar/__fixtures__/cn-holidays.js';
import { seedPrograms } from '../programs/index.js';
import { planReminders } from '../cycles/reminders.js';
import { acknowledgementStatus, checkPolicyVersion, markdownIssues, percentText, publishPlan, versionInEffect, type PolicyVersionDraft, type Placement } from './policy.js';
import { checkNotice, noticeForEvent, noticeOrder, noticeReach, noticeStatus, resolveAudience, type AudiencePerson, type NoticeDraft } from './notice.js';
import { deliveryChannels, inboxCounts, inboxFromReminders, inboxOrder, outgoingMessage, taskTitle, type InboxItem } from './inbox.js';
import { appealDueDate, appealFlags, appealSettingsFor, appealWindowCloses, checkAppealDecision, checkAppealFiling, checkStatementRequest } from './appeals.js';
import { checkRetention, composeArchive, keptUntil, purgePlan, type ArchiveEvent } from './archive.js';

const t = (en: string, zh: string) => ({ en, zh });
const codes = (list: readonly { code: string }[]) => list.map((i) => i.code);

describe('policies', () => {
  const draft: PolicyVersionDraft = {
    title: t('Cafeteria staff appraisal', '食堂员工绩效考核办法'),
    body: t('## Purpose\nLink income to performance.', '## 目的\n使收入与绩效挂钩。'),
    effectiveFrom: '2026-01-01',
    scope: { kind: 'departments', ids: ['canteen'] },
    requiresAcknowledgement: true,
    acknowledgementWorkingDays: 5,
  };

  it('checks bilingual text, Markdown without raw HTML, the scope and acknowledgement days', () => {
    expect(checkPolicyVersion(draft).ok).toBe(true);
    const bad = checkPolicyVersion({ ...draft, title: t('x', ''), body: t('<script>alert(1)</script>', '[点我](javascript:alert(1))'), scope: { kind: 'positions', ids: [] }, acknowledgementWorkingDays: 0 });
    expect(bad.ok ? [] : codes(bad.issues)).toEqual(['text_required', 'markdown_raw_html', 'markdown_script_link', 'policy_scope_empty', 'policy_acknowledgement_days']);
    expect(markdownIssues('scores < 60 pay nothing; 60 <= score < 70 pays 60 %', ['body'])).toEqual([]);
  });

  it('publishing supersedes the version in effect; the old one applies until the new effective date', () => {
    const versions = [
      { id: 'v1', number: 1, state: 'superseded' as const, effectiveFrom: '2024-01-01' },
      { id: 'v2', number: 2, state: 'published' as const, effectiveFrom: '2025-01-01' },
      { id: 'v3', number: 3, state: 'review' as const, effectiveFrom: '2026-03-01' },
    ];
    expect(publishPlan(versions, 'v3')).toEqual({ ok: true, value: { publish: 'v3', supersede: ['v2'] } });
    expect(codes(publishPlan(versions.map((v) => (v.id === 'v3' ? { ...v, effectiveFrom: '2024-06-01' } : v)), 'v3').ok ? [] : (publishPlan(versions.map((v) => (v.id === 'v3' ? { ...v, effectiveFrom: '2024-06-01' } : v)), 'v3') as { issues: { code: string }[] }).issues)).toEqual(['policy_effective_before_previous']);
    const after = versions.map((v) => (v.id === 'v3' ? { ...v, state: 'published' as const } : v.id === 'v2' ? { ...v, state: 'superseded' as const } : v));
    expect(versionInEffect(after, '2026-02-15')?.id).toBe('v2');
    expect(versionInEffect(after, '2026-03-01')?.id).toBe('v3');
    expect(versionInEffect(after, '2023-12-31')).toBeUndefined();
  });

  it('tracks who has and has not acknowledged among the active people in scope', () => {
    const people: Placement[] = [
      { employeeId: 'c1', departmentLineage: ['canteen', 'hq'], positionId: 'cook', active: true },
      { employeeId: 'c2', departmentLineage: ['canteen', 'hq'], positionId: 'cook', active: true },
      { employeeId: 'c3', departmentLineage: ['canteen', 'hq'], positionId: 'cook', active: false },
      { employeeId: 'n1', departmentLineage: ['ward', 'nursing'], positionId: 'nurse', active: true },
    ];
    expect(acknowledgementStatus(draft.scope, people, new Set(['c2', 'n1']))).toEqual({ inScope: 2, acknowledged: ['c2'], pending: ['c1'], percent: '50.0' });
    expect(percentText(2, 3)).toBe('66.7');
    expect(percentText(1, 8)).toBe('12.5');
  });
});

describe('notices and the inbox', () => {
  const people: AudiencePerson[] = [
    { employeeId: 'hr1', departmentLineage: ['hr', 'hq'], positionId: 'spec', roles: ['HR', 'EMPLOYEE'], active: true },
    { employeeId: 'n1', departmentLineage: ['ward3', 'nursing'], positionId: 'nurse', roles: ['EMPLOYEE'], active: true },
    { employeeId: 'n2', departmentLineage: ['ward3', 'nursing'], positionId: 'nurse', roles: ['EMPLOYEE'], active: false },
    { employeeId: 'w1', departmentLineage: ['welding', 'workshop'], positionId: 'welder', roles: ['EMPLOYEE'], active: true },
  ];
  const draft: NoticeDraft = { title: t('Flu season', '流感季节'), body: t('Wear masks.', '请佩戴口罩。'), audience: { kind: 'all' }, pinned: false, requiresAcknowledgement: false };

  it('resolves audiences (departments with sub-departments, positions, roles, people) to active people', () => {
    expect(resolveAudience({ kind: 'some', departmentIds: ['nursing'], positionIds: [], roles: ['HR'], employeeIds: [] }, people)).toEqual(['hr1', 'n1']);
    expect(resolveAudience({ kind: 'some', departmentIds: [], positionIds: ['welder'], roles: [], employeeIds: ['n1'] }, people)).toEqual(['n1', 'w1']);
    expect(resolveAudience({ kind: 'all' }, people)).toEqual(['hr1', 'n1', 'w1']);
  });

  it('checks notices, schedules and expires them, pins first', () => {
    const now = '2026-05-01T08:00:00Z';
    expect(checkNotice(draft, now).ok).toBe(true);
    const bad = checkNotice({ ...draft, audience: { kind: 'some', departmentIds: [], positionIds: [], roles: [], employeeIds: [] }, publishAt: '2026-04-01T00:00:00Z', expiresAt: '2026-03-01T00:00:00Z' }, now);
    expect(bad.ok ? [] : codes(bad.issues)).toEqual(['notice_audience_empty', 'notice_publish_in_past', 'notice_expires_before_publish']);
    const n = { publishedAt: '2026-05-01T08:00:00Z', publishAt: '2026-05-02T00:00:00Z', expiresAt: '2026-05-10T00:00:00Z' };
    expect(['2026-05-01T12:00:00Z', '2026-05-03T00:00:00Z', '2026-05-10T00:00:00Z'].map((x) => noticeStatus(n, x))).toEqual(['scheduled', 'live', 'expired']);
    expect(noticeStatus({}, now)).toBe('draft');
    const list = [
      { id: 'a', pinned: false, visibleFrom: '2026-05-03' },
      { id: 'b', pinned: true, visibleFrom: '2026-04-01' },
      { id: 'c', pinned: false, visibleFrom: '2026-05-04' },
    ];
    expect([...list].sort(noticeOrder).map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });

  it('reports reach per department and overall', () => {
    const receipts = [
      { employeeId: 'n1', departmentId: 'ward3', deliveredAt: 'x', readAt: 'x', acknowledgedAt: 'x' },
      { employeeId: 'n3', departmentId: 'ward3', deliveredAt: 'x', readAt: null },
      { employeeId: 'w1', departmentId: 'welding', deliveredAt: 'x', readAt: 'x' },
    ];
    expect(noticeReach(receipts)).toEqual([
      { departmentId: null, recipients: 3, delivered: 3, read: 2, acknowledged: 1, readPercent: '66.7', acknowledgedPercent: '33.3' },
      { departmentId: 'ward3', recipients: 2, delivered: 2, read: 1, acknowledged: 1, readPercent: '50.0', acknowledgedPercent: '50.0' },
      { departmentId: 'welding', recipients: 1, delivered: 1, read: 1, acknowledged: 0, readPercent: '100.0', acknowledgedPercent: '0.0' },
    ]);
  });

  it('generates notices on events from templates in both languages, once per event', () => {
    const opened = noticeForEvent({ kind: 'cyclePhaseOpened', cycleId: 'c1', cycleName: t('Nursing May 2026', '护理 2026 年 5 月'), phase: 'rating', closes: '2026-06-05', participants: ['n1', 'n2'] });
    expect(opened.idempotencyKey).toBe('notice:cycle:c1:rating');
    expect(opened.draft.title).toEqual(t('Nursing May 2026: rating is open', '护理 2026 年 5 月：评分已开始'));
    expect(opened.draft.audience).toEqual({ kind: 'some', departmentIds: [], positionIds: [], roles: [], employeeIds: ['n1', 'n2'] });
    const honors = noticeForEvent({ kind: 'honorsAnnounced', programId: 'p', programName: t('Excellent employees 2025', '2025 年度优秀员工'), awards: 3, recipients: t('Li Na, Wang Fang, Zhao Lei', '李娜、王芳、赵磊') });
    expect(honors.draft).toMatchObject({ pinned: true, audience: { kind: 'all' } });
    expect(honors.draft.body.zh).toContain('共评出 3 名');
    const policy = noticeForEvent({ kind: 'policyPublished', policyId: 'p1', versionNumber: 2, policyTitle: t('Cafeteria appraisal', '食堂绩效考核办法'), effectiveFrom: '2026-01-01', scope: { kind: 'all' }, requiresAcknowledgement: true });
    expect(policy.draft.requiresAcknowledgement).toBe(true);
    for (const g of [opened, honors, policy]) expect(checkNotice(g.draft, '2026-01-01T00:00:00Z').ok).toBe(true);
  });

  it('delivers reminders into the inbox once per task and day, counts unread and overdue, orders open tasks first', () => {
    const planned = planReminders([{ key: 'rating:r1', kind: 'rating', recipientId: 'hn', appraisalId: 'a1', opens: '2026-05-25', due: '2026-06-05', lastRemindedOn: '2026-05-25' }], '2026-06-03', cnCalendar);
    const items = inboxFromReminders(planned, new Map([['a1', t('Li Na', '李娜')]]), '2026-06-03T00:00:00Z');
    expect(items).toEqual([{ key: 'rating:r1@2026-06-03', recipientId: 'hn', kind: 'task', taskKind: 'rating', title: t('Rate Li Na (due 2026-06-05)', '为李娜评分（2026-06-05 截止）'), link: { type: 'Rating', id: 'r1' }, due: '2026-06-05', createdAt: '2026-06-03T00:00:00Z' }]);
    const all: InboxItem[] = [
      ...items,
      { key: 'notice:n1', recipientId: 'hn', kind: 'notice', title: t('x', 'x'), link: { type: 'Notice', id: 'n1' }, createdAt: '2026-06-04T00:00:00Z' },
      { key: 'ack:a0', recipientId: 'hn', kind: 'task', taskKind: 'acknowledgement', title: taskTitle('acknowledgement'), link: { type: 'Appraisal', id: 'a0' }, due: '2026-06-01', createdAt: '2026-05-20T00:00:00Z', readAt: 'x' },
      { key: 'done', recipientId: 'hn', kind: 'task', taskKind: 'vote', title: taskTitle('vote', t('Li Na', '李娜')), link: { type: 'Nomination', id: 'x' }, createdAt: '2026-06-05T00:00:00Z', doneAt: 'x', readAt: 'x' },
    ];
    expect(inboxCounts(all, '2026-06-05')).toEqual({ unread: 2, unreadNotices: 1, openTasks: 2, overdueTasks: 1 });
    expect([...all].sort(inboxOrder('2026-06-05')).map((i) => i.key)).toEqual(['ack:a0', 'rating:r1@2026-06-03', 'done', 'notice:n1']);
    expect(deliveryChannels(items[0] as InboxItem, { email: true, emailKinds: ['rating'] }, ['inApp', 'email'])).toEqual(['inApp', 'email']);
    expect(deliveryChannels(items[0] as InboxItem, { email: true }, ['inApp'])).toEqual(['inApp']);
    expect(outgoingMessage(items[0] as InboxItem, 'email').idempotencyKey).toBe('rating:r1@2026-06-03#email');
  });
});

describe('appeals on the work calendar', () => {
  const cafeteria = appealSettingsFor(seedPrograms.cafeteria);

  it('the cafeteria answers in 7 working days: weekends, holidays and make-up days counted right', () => {
    expect(cafeteria).toEqual({ windowWorkingDays: 5, responseWorkingDays: 7, committeeHandles: false });
    // Filed Friday 26 Sep 2025: Sun 28 Sep is a make-up working day, 1-8 Oct National Day, Sat 11 Oct a make-up day.
    expect(appealDueDate(cnCalendar, '2025-09-26', cafeteria)).toBe('2025-10-13');
    expect(appealDueDate(cnCalendar, '2025-09-30', cafeteria)).toBe('2025-10-16');
    // Filed on a holiday: the day itself never counts.
    expect(appealDueDate(cnCalendar, '2025-10-03', cafeteria)).toBe('2025-10-16');
    expect(appealWindowCloses(cnCalendar, '2025-09-29', cafeteria)).toBe('2025-10-13');
    expect(appealSettingsFor(seedPrograms.nursing).responseWorkingDays).toBe(7);
  });

  it('files within the window against a final result, once, with grounds', () => {
    const result = { kind: 'result' as const, appraisalId: 'a1', publishedOn: '2025-09-29', appealable: true };
    const ctx = { filedOn: '2025-10-09', calendar: cnCalendar, settings: cafeteria, isSubject: true, openAppeal: false };
    expect(checkAppealFiling(result, { grounds: 'Two hygiene deductions were for the other shift.' }, ctx)).toEqual({ issues: [], dueOn: '2025-10-17', windowCloses: '2025-10-13' });
    const late = checkAppealFiling(result, { grounds: '' }, { ...ctx, filedOn: '2025-10-14', isSubject: false, openAppeal: true });
    expect(codes(late.issues)).toEqual(['appeal_not_subject', 'appraisal_appeal_window_closed', 'appeal_already_open', 'appeal_grounds_required']);
    expect(codes(checkAppealFiling({ kind: 'ledgerEntry', entryId: 'e1', approvedOn: null }, { grounds: 'x' }, ctx).issues)).toEqual(['appeal_target_not_final']);
  });

  it('flags open appeals near due and overdue in working days', () => {
    expect(appealFlags({ state: 'under_review', dueOn: '2025-10-16' }, '2025-10-14', cnCalendar)).toEqual({ overdue: false, nearDue: true, workingDaysLeft: 2 });
    expect(appealFlags({ state: 'filed', dueOn: '2025-10-16' }, '2025-09-30', cnCalendar)).toEqual({ overdue: false, nearDue: false, workingDaysLeft: 7 });
    expect(appealFlags({ state: 'filed', dueOn: '2025-10-16' }, '2025-10-20', cnCalendar)).toEqual({ overdue: true, nearDue: false, workingDaysLeft: -2 });
    expect(appealFlags({ state: 'decided', dueOn: '2025-10-16' }, '2025-10-20', cnCalendar).overdue).toBe(false);
  });

  it('asks raters for statements within the appeal due date; decisions need reasons and the right correction', () => {
    const ctx = { raters: ['sup1'], appellantId: 'e1', today: '2025-10-09', appealDue: '2025-10-16', calendar: cnCalendar };
    expect(checkStatementRequest({ raterId: 'sup1', question: 'Which shift was it?', sharedExcerpt: 'deductions on 12 Sep', dueWorkingDays: 2 }, ctx)).toEqual({ issues: [], dueOn: '2025-10-11' });
    expect(codes(checkStatementRequest({ raterId: 'e1', question: '', sharedExcerpt: '', dueWorkingDays: 0 }, ctx).issues)).toEqual(['appeal_statement_not_rater', 'appeal_question_required', 'appeal_statement_due']);
    expect(codes(checkStatementRequest({ raterId: 'sup1', question: 'q', sharedExcerpt: '', dueWorkingDays: 9 }, ctx).issues)).toEqual(['appeal_statement_after_due']);
    expect(checkAppealDecision({ outcome: 'upheld', reason: 'the deduction belonged to another shift', correction: { kind: 'rescore', description: 'remove one hygiene deduction' } }, 'result')).toEqual([]);
    expect(codes(checkAppealDecision({ outcome: 'upheld', reason: '', correction: { kind: 'reverseEntry', replace: false } }, 'result'))).toEqual(['appeal_reason_required', 'appeal_correction_kind']);
    expect(codes(checkAppealDecision({ outcome: 'rejected', reason: 'the record is signed by the nurse' }, 'ledgerEntry'))).toEqual([]);
  });
});

describe('archives', () => {
  const events: ArchiveEvent[][] = [
    [
      { kind: 'ledgerEntry', date: '2025-05-10', id: 'l1', ruleCode: 'nursing.praise', component: 'nursing.praise', unit: 'points', amount: '10.00' },
      { kind: 'ledgerEntry', date: '2025-06-08', id: 'l2', ruleCode: null, component: 'performancePay', unit: 'money', amount: '720.00', money: '720.00' },
    ],
    [{ kind: 'appraisal', date: '2025-06-08', id: 'a1', cycleId: 'c5', cycleName: t('May 2025', '2025 年 5 月'), periodKey: '2025-05', schemeVersionId: 'v1', resultNumber: 1, total: '93.1', grade: 'excellent' }],
    [{ kind: 'honor', date: '2026-02-03', id: 'h1', programId: 'p', title: t('Excellent employee 2025', '2025 年度优秀员工') }],
  ];

  it('composes a person archive in time order, same-day events by kind', () => {
    expect(composeArchive(events).map((e) => e.id)).toEqual(['l1', 'a1', 'l2', 'h1']);
    expect(composeArchive(events, { from: '2025-06-01', kinds: ['ledgerEntry', 'honor'] }).map((e) => e.id)).toEqual(['l2', 'h1']);
  });

  it('purges only records past retention, exported, and not held; retention is checked', () => {
    const records = [
      { id: 'old', kind: 'appraisal' as const, employeeId: 'e1', date: '2014-06-30', held: false },
      { id: 'oldMoney', kind: 'ledgerEntry' as const, employeeId: 'e1', date: '2014-06-30', held: false },
      { id: 'recent', kind: 'appraisal' as const, employeeId: 'e1', date: '2020-06-30', held: false },
      { id: 'notExported', kind: 'appraisal' as const, employeeId: 'e2', date: '2014-06-30', held: false },
      { id: 'held', kind: 'appraisal' as const, employeeId: 'e1', date: '2010-01-01', held: true },
    ];
    const plan = purgePlan(records, { years: 10, byKind: { ledgerEntry: 30 } }, '2026-01-01', new Map([['e1', '2025-12-31']]));
    expect(plan).toEqual({
      purge: ['old'],
      keep: [
        { id: 'oldMoney', reason: 'withinRetention' },
        { id: 'recent', reason: 'withinRetention' },
        { id: 'notExported', reason: 'notExported' },
        { id: 'held', reason: 'held' },
      ],
      counts: { appraisal: 1 },
    });
    expect(keptUntil({ years: 1 }, 'appraisal', '2024-02-29')).toBe('2025-02-28');
    expect(codes(checkRetention({ years: 0, byKind: { appeal: 2.5 } }))).toEqual(['retention_years_invalid', 'retention_years_invalid']);
  });
});
