import type { MeasuredEntry, MeasuredKind } from '@appraisal/domain';

// ---- stored rows <-> domain entries (the one mapping; results and pay read through it) --------------------------

/** A stored row as the domain's entry. Payloads: values map (ITEM_VALUES, PAY_FACT), { rule, date, count, note } (OCCURRENCE), { ticket, hours, level } (WORK_TICKET). */
export function entryOfRow(kind: string, item: string | null, payload: Record<string, unknown>): MeasuredEntry | null {
  const text = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : '');
  const values = () => Object.fromEntries(Object.entries(payload).filter(([, v]) => typeof v === 'string') as Array<[string, string]>);
  switch (kind) {
    case 'ITEM_VALUES':
      return { kind, item: item ?? '', values: values() };
    case 'PAY_FACT':
      return { kind, values: values() };
    case 'OCCURRENCE':
      return { kind, item: item ?? '', rule: text('rule'), date: text('date'), count: typeof payload.count === 'number' ? payload.count : 0, ...(payload.note ? { note: text('note') } : {}) };
    case 'WORK_TICKET':
      return { kind, ticket: text('ticket'), hours: text('hours'), level: text('level') };
    default:
      return null;
  }
}

export function rowOfEntry(e: MeasuredEntry): { kind: MeasuredKind; item: string | null; payload: Record<string, unknown> } {
  switch (e.kind) {
    case 'ITEM_VALUES':
      return { kind: e.kind, item: e.item, payload: { ...e.values } };
    case 'PAY_FACT':
      return { kind: e.kind, item: null, payload: { ...e.values } };
    case 'OCCURRENCE':
      return { kind: e.kind, item: e.item, payload: { rule: e.rule, date: e.date, count: e.count, ...(e.note ? { note: e.note } : {}) } };
    case 'WORK_TICKET':
      return { kind: e.kind, item: null, payload: { ticket: e.ticket, hours: e.hours, level: e.level } };
  }
}

/** The measured entries of one person in one cycle, in entry order (what results and pay read). */
export async function measuredEntriesOf(
  execute: (text: string, params: unknown[]) => Promise<Array<{ kind: string; item: string | null; payload: Record<string, unknown> }>>,
  cycleId: string,
  employeeId: string,
): Promise<MeasuredEntry[]> {
  const rows = await execute('select kind, item, payload from measured_input where cycle_id = ? and employee_id = ? order by created_at, id', [cycleId, employeeId]);
  return rows.map((r) => entryOfRow(r.kind, r.item, r.payload)).filter((e): e is MeasuredEntry => e !== null);
}

