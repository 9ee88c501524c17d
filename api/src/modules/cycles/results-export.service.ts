import { canManageCycles } from '@appraisal/domain';
import { type RequestContext, requireActor } from '../../core/context.js';
import { sql } from '../../core/db.js';
import { forbidden, notFound } from '../../core/errors.js';
import { type SheetColumn, writeSheet } from '../../core/spreadsheet.js';
import { recordExport } from '../audit/audit.service.js';
import type { FileDownload } from '../org/employee-export.service.js';

type ResultColumn = 'employeeNumber' | 'name' | 'department' | 'state' | 'total' | 'engineGrade' | 'grade' | 'pay' | 'acknowledgementDue' | 'answer';

/** The columns of the results workbook, with their Chinese headers (a Chinese console asks for `lang: "zh"`). */
export const RESULT_COLUMNS: ReadonlyArray<SheetColumn<ResultColumn>> = [
  { key: 'employeeNumber', label: 'Employee number', labelZh: '工号', width: 16 },
  { key: 'name', label: 'Name', labelZh: '姓名', width: 18 },
  { key: 'department', label: 'Department', labelZh: '部门', width: 24 },
  { key: 'state', label: 'State', labelZh: '状态', width: 14 },
  { key: 'total', label: 'Total', labelZh: '总分', width: 10 },
  { key: 'engineGrade', label: 'Grade before calibration', labelZh: '校准前等级', width: 14 },
  { key: 'grade', label: 'Grade', labelZh: '等级', width: 10 },
  { key: 'pay', label: 'Pay', labelZh: '绩效工资', width: 14 },
  { key: 'acknowledgementDue', label: 'Acknowledge by', labelZh: '确认截止日', width: 14 },
  { key: 'answer', label: 'Answer', labelZh: '员工确认', width: 14 },
];

const STATES: Record<string, { en: string; zh: string }> = {
  pending: { en: 'Pending', zh: '待开始' },
  self_review: { en: 'Self-review', zh: '自评中' },
  rating: { en: 'Rating', zh: '评分中' },
  calibrated: { en: 'Calibrated', zh: '已校准' },
  published: { en: 'Published', zh: '已发布' },
  acknowledged: { en: 'Acknowledged', zh: '已确认' },
  refused: { en: 'Refused', zh: '拒绝确认' },
  lapsed: { en: 'Lapsed', zh: '逾期未确认' },
  appealed: { en: 'Appealed', zh: '申诉中' },
  excluded: { en: 'Excluded', zh: '已排除' },
};

/**
 * A cycle's results as an .xlsx workbook (HR): one row per appraisal in employee-number order with the total,
 * the engine's and the calibrated grade, pay and the acknowledgement; money and scores are written as exact
 * decimal text. Audited like every export (who, which cycle, how many rows) before the file is handed out.
 */
export async function exportCycleResults(ctx: RequestContext, cycleId: string, lang: 'en' | 'zh'): Promise<FileDownload> {
  const actor = requireActor(ctx);
  if (!canManageCycles(actor)) throw forbidden('exporting results');
  const cycles = await ctx.db.rows<{ period_key: string; code: string }>(sql`select c.period_key, s.code from cycle c join scheme s on s.id = c.scheme_id where c.id = ${cycleId}`);
  const cycle = cycles[0];
  if (!cycle) throw notFound('Cycle', cycleId);
  const rows = await ctx.db.rows<{
    employee_number: string;
    name: string;
    department: string | null;
    department_zh: string | null;
    state: string;
    total: string | null;
    engine_grade: string | null;
    grade: string | null;
    pay: string | null;
    due: string | null;
    acknowledged: boolean;
    refused: boolean;
    lapsed: boolean;
  }>(
    sql`select e.employee_number, e.name, d.name as department, d.name_zh as department_zh, a.state, trim_scale(r.total)::text as total, r.engine_grade,
          coalesce(a.final_grade, r.engine_grade) as grade, p.pay_total::text as pay, a.acknowledgement_due::text as due,
          a.acknowledged_at is not null as acknowledged, a.refused_at is not null as refused, a.lapsed_at is not null as lapsed
        from appraisal a join employee e on e.id = a.employee_id left join department d on d.id = e.department_id
          left join appraisal_result r on r.id = a.result_id
          left join published_result p on p.appraisal_id = a.id and p.result_id = a.result_id
        where a.cycle_id = ${cycleId} order by e.employee_number`,
  );
  const zh = lang === 'zh';
  const answer = (r: (typeof rows)[number]): string =>
    r.acknowledged ? (zh ? '已确认' : 'Acknowledged') : r.refused ? (zh ? '拒绝确认' : 'Refused') : r.lapsed ? (zh ? '逾期未确认' : 'Lapsed') : '';
  const columns = RESULT_COLUMNS.map((c) => ({ ...c, label: zh ? (c.labelZh ?? c.label) : c.label }));
  const buffer = await writeSheet(
    zh ? '考核结果' : 'Results',
    columns,
    rows.map((r) => ({
      employeeNumber: r.employee_number,
      name: r.name,
      department: (zh ? r.department_zh || r.department : r.department) ?? '',
      state: STATES[r.state]?.[lang] ?? r.state,
      total: r.total ?? '',
      engineGrade: r.engine_grade ?? '',
      grade: r.grade ?? '',
      pay: r.pay ?? '',
      acknowledgementDue: r.due ?? '',
      answer: answer(r),
    })),
  );
  const fileName = `results-${cycle.code}-${cycle.period_key}.xlsx`;
  await recordExport(ctx, { operation: 'exportCycleResults', entityType: 'CycleResultsExport', entityId: cycleId, fileName, rows: rows.length, filter: { cycleId, lang } });
  return {
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: buffer.toString('base64'),
  };
}
