import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextState } from '../workflow/engine.js';
import { payoutBatchWorkflow } from '../workflow/payout-batch.js';
import { batchCanonicalText, batchLines, batchPeriod, batchTotals, exportBatch, selectBatchEntries, verifyBatchExport, type BatchCandidate, type BatchSpec, type PayeeSnapshot } from './batch.js';
import { fromHundredths, toHundredths } from './quantity.js';

const candidate = (over: Partial<BatchCandidate>): BatchCandidate => ({
  id: 'x',
  employeeId: 'w1',
  departmentId: 'welding',
  ruleCode: null,
  component: 'outputPay',
  unit: 'money',
  amount: '100.00',
  money: '100.00',
  settlement: 'payroll',
  periodKey: '2026-05',
  occurredOn: '2026-05-26',
  status: 'approved',
  source: { kind: 'manual' },
  batchId: null,
  accountingMonth: 'workshop',
  ...over,
});
const spec: BatchSpec = { periodKey: '2026-05', accountingMonth: 'workshop', includeEarlier: false };
const payees = new Map<string, PayeeSnapshot>([
  ['w1', { employeeNumber: 'W-001', name: 'Li Lei', departmentCode: 'WELD', departmentName: 'Welding group' }],
  ['w2', { employeeNumber: 'W-002', name: 'Han Mei', departmentCode: 'WELD', departmentName: 'Welding group' }],
  ['i1', { employeeNumber: 'W-010', name: 'Zhao Qiang', departmentCode: 'INT', departmentName: 'Integrated group' }],
]);
const header = { batchId: 'b-1', number: 'PB-2026-05-001', periodKey: '2026-05', accountingMonth: 'workshop', currency: 'CNY' };

describe('payout batches', () => {
  it('cover the workshop accounting month of the 26th to the 25th', () => {
    expect(batchPeriod(spec, { monthStartDay: 26 })).toEqual({ start: '2026-04-26', end: '2026-05-25' });
    expect(batchPeriod(spec, { monthStartDay: 1 })).toEqual({ start: '2026-05-01', end: '2026-05-31' });
  });

  it('collect approved, unpaid, payable entries of the month and scope, saying why others are left out', () => {
    const all = [
      candidate({ id: 'ok1' }),
      candidate({ id: 'ok2', employeeId: 'w2', component: 'adjustmentHours', money: '-16.10', amount: '-16.10' }),
      candidate({ id: 'prop', status: 'proposed' }),
      candidate({ id: 'hours', settlement: 'appraisal', money: undefined, unit: 'hours', amount: '-2.00' }),
      candidate({ id: 'taken', batchId: 'b-0' }),
      candidate({ id: 'april', periodKey: '2026-04' }),
      candidate({ id: 'cal', accountingMonth: 'calendar' }),
      candidate({ id: 'other', departmentId: 'integrated', employeeId: 'i1' }),
    ];
    const picked = selectBatchEntries(all, { ...spec, departmentIds: ['welding'] });
    expect(picked.entries.map((e) => e.id)).toEqual(['ok1', 'ok2']);
    expect(picked.skipped).toEqual([
      { id: 'prop', reason: 'notApproved' },
      { id: 'hours', reason: 'notPayable' },
      { id: 'taken', reason: 'inAnotherBatch' },
      { id: 'april', reason: 'otherPeriod' },
      { id: 'cal', reason: 'otherConvention' },
      { id: 'other', reason: 'outOfScope' },
    ]);
    expect(selectBatchEntries(all, { ...spec, includeEarlier: true }).entries.map((e) => e.id)).toEqual(['other', 'april', 'ok1', 'ok2']);
  });

  it('total by department and component exactly; export one row per person per component with a totals row and a checksum', () => {
    const entries = [
      candidate({ id: 'a', money: '29090.91' }),
      candidate({ id: 'b', money: '0.10', component: 'adjustmentMoney' }),
      candidate({ id: 'c', money: '0.20', component: 'adjustmentMoney' }),
      candidate({ id: 'd', employeeId: 'w2', money: '-16.10', component: 'adjustmentHours' }),
      candidate({ id: 'e', employeeId: 'i1', departmentId: 'integrated', money: '200.00', component: 'adjustmentMoney' }),
    ];
    const totals = batchTotals(entries);
    expect(totals).toMatchObject({ total: '29275.11', entries: 5, people: 3 });
    expect(totals.byDepartment).toEqual([
      { departmentId: 'integrated', total: '200.00', entries: 1 },
      { departmentId: 'welding', total: '29075.11', entries: 4 },
    ]);
    expect(totals.byComponent.map((c) => [c.component, c.total])).toEqual([
      ['adjustmentHours', '-16.10'],
      ['adjustmentMoney', '200.30'],
      ['outputPay', '29090.91'],
    ]);
    const lines = batchLines(entries, payees);
    if (!lines.ok) throw new Error('lines');
    expect(lines.value.map((l) => [l.employeeNumber, l.component, l.amount, l.entries])).toEqual([
      ['W-001', 'adjustmentMoney', '0.30', 2],
      ['W-001', 'outputPay', '29090.91', 1],
      ['W-002', 'adjustmentHours', '-16.10', 1],
      ['W-010', 'adjustmentMoney', '200.00', 1],
    ]);
    const out = exportBatch(header, lines.value);
    expect(out.totals).toEqual(['TOTAL', '', '', '', '', '29275.11', '5']);
    expect(out.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyBatchExport(out, { total: totals.total, checksum: out.checksum })).toEqual([]);
    // Re-export of the frozen lines is identical; any change of a cent or a name changes the checksum.
    expect(exportBatch(header, lines.value)).toEqual(out);
    const changed = lines.value.map((l, i) => (i === 0 ? { ...l, amount: '0.31' } : l));
    expect(exportBatch(header, changed).checksum).not.toBe(out.checksum);
    expect(verifyBatchExport(exportBatch(header, changed), { total: totals.total, checksum: out.checksum }).map((i) => i.code)).toEqual(['batch_export_total_mismatch', 'batch_export_checksum_mismatch']);
    expect(batchCanonicalText(header, lines.value).split('\n')[0]).toBe('b-1\tPB-2026-05-001\t2026-05\tworkshop\tCNY\t4\t29275.11');
    expect(batchLines([candidate({ employeeId: 'ghost' })], payees)).toMatchObject({ ok: false, issues: [{ code: 'batch_payee_missing' }] });
  });

  it('property: batch totals and export lines sum exactly to the entries, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ cents: fc.integer({ min: -5_000_000, max: 5_000_000 }), who: fc.constantFrom('w1', 'w2', 'i1'), comp: fc.constantFrom('outputPay', 'bonus', 'adjustmentHours') }), { maxLength: 200 }), (rows) => {
        const entries = rows.map((r, i) => candidate({ id: `e${i}`, employeeId: r.who, departmentId: r.who === 'i1' ? 'integrated' : 'welding', component: r.comp, money: fromHundredths(BigInt(r.cents)) }));
        const expected = rows.reduce((s, r) => s + BigInt(r.cents), 0n);
        const totals = batchTotals(entries);
        const lines = batchLines([...entries].reverse(), payees);
        if (!lines.ok) return false;
        const byDep = totals.byDepartment.reduce((s, d) => s + toHundredths(d.total), 0n);
        const byComp = totals.byComponent.reduce((s, d) => s + toHundredths(d.total), 0n);
        const exported = exportBatch(header, lines.value);
        const reordered = batchLines(entries, payees);
        return (
          toHundredths(totals.total) === expected &&
          byDep === expected &&
          byComp === expected &&
          toHundredths(exported.total) === expected &&
          reordered.ok &&
          exportBatch(header, reordered.value).checksum === exported.checksum
        );
      }),
      { numRuns: 200 },
    );
  });

  it('builds and exports 10,000 entries well inside the 5 s budget', () => {
    const people = new Map<string, PayeeSnapshot>();
    const entries: BatchCandidate[] = [];
    for (let i = 0; i < 10_000; i++) {
      const id = `p${i % 2499}`;
      people.set(id, { employeeNumber: `E${String(i % 2499).padStart(5, '0')}`, name: `Person ${i % 2499}`, departmentCode: `D${i % 40}`, departmentName: `Department ${i % 40}` });
      entries.push(candidate({ id: `e${i}`, employeeId: id, departmentId: `d${i % 40}`, component: ['outputPay', 'bonus', 'adjustmentHours', 'adjustmentMoney'][i % 4] ?? 'bonus', money: fromHundredths(BigInt((i * 7919) % 500_000) - 100_000n) }));
    }
    const started = performance.now();
    const picked = selectBatchEntries(entries, spec);
    const totals = batchTotals(picked.entries);
    const lines = batchLines(picked.entries, people);
    if (!lines.ok) throw new Error('lines');
    const out = exportBatch(header, lines.value);
    const ms = performance.now() - started;
    expect(picked.entries).toHaveLength(10_000);
    expect(out.lineCount).toBe(new Set(entries.map((e) => `${e.employeeId}/${e.component}`)).size);
    expect(out.total).toBe(totals.total);
    expect(ms).toBeLessThan(2_000);
  });
});

describe('the batch workflow: two-person rule', () => {
  it('the preparer cannot approve; another approver can, if the totals did not move', () => {
    const code = (r: ReturnType<typeof nextState>) => (r.ok ? r.to : r.issue.code);
    expect(code(nextState(payoutBatchWorkflow, 'draft', 'submit', { roles: ['HR'], entryCount: 0 }))).toBe('batch_empty');
    expect(code(nextState(payoutBatchWorkflow, 'draft', 'submit', { roles: ['HR'], entryCount: 3 }))).toBe('submitted');
    expect(code(nextState(payoutBatchWorkflow, 'submitted', 'approve', { roles: ['HR', 'APPROVER'], actorId: 'hr-1', preparedBy: 'hr-1', totalsMatch: true }))).toBe('batch_two_person_rule');
    expect(code(nextState(payoutBatchWorkflow, 'submitted', 'approve', { roles: ['HR'], actorId: 'hr-2', preparedBy: 'hr-1', totalsMatch: true }))).toBe('workflow_forbidden');
    expect(code(nextState(payoutBatchWorkflow, 'submitted', 'approve', { roles: ['APPROVER'], actorId: 'fin-1', preparedBy: 'hr-1', totalsMatch: false }))).toBe('batch_totals_changed');
    expect(code(nextState(payoutBatchWorkflow, 'submitted', 'approve', { roles: ['APPROVER'], actorId: 'fin-1', preparedBy: 'hr-1', totalsMatch: true }))).toBe('approved');
    expect(code(nextState(payoutBatchWorkflow, 'submitted', 'return', { roles: ['APPROVER'] }))).toBe('batch_return_reason');
    expect(code(nextState(payoutBatchWorkflow, 'approved', 'return', { roles: ['APPROVER'], reason: 'x' }))).toBe('workflow_illegal_transition');
    expect(payoutBatchWorkflow.terminal).toEqual(['approved', 'cancelled']);
  });
});
