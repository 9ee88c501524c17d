import { describe, expect, it } from 'vitest';
import { cnYears } from '../calendar/__fixtures__/cn-years.js';
import { addCalendarDays } from '../calendar/dates.js';
import { buildWorkCalendar } from '../calendar/definition.js';
import { outstanding, planReminders, remindersByRecipient, type PendingItem } from './reminders.js';

const cal = buildWorkCalendar(cnYears);
// Part 5 May 2026: the rating window runs May 25 (Mon) to June 5 (Fri).
const item = (over: Partial<PendingItem> = {}): PendingItem => ({ key: 'rating:r1', kind: 'rating', recipientId: 'hn', appraisalId: 'a1', opens: '2026-05-25', due: '2026-06-05', ...over });

describe('planReminders', () => {
  it('reminds on opening, two working days before the due day and on it, and never twice a day', () => {
    const sent: string[] = [];
    let last: string | undefined;
    for (let d = '2026-05-20'; d <= '2026-06-10'; d = addCalendarDays(d, 1)) {
      const planned = planReminders([item(last ? { lastRemindedOn: last } : {})], d, cal);
      for (const p of planned) {
        sent.push(`${d} ${p.reason} ${p.workingDaysLeft}`);
        last = d;
      }
      // Running the job again the same day plans nothing more.
      expect(planReminders([item({ lastRemindedOn: d })], d, cal)).toEqual([]);
    }
    expect(sent).toEqual(['2026-05-25 opened 9', '2026-06-03 dueSoon 2', '2026-06-05 dueToday 0']);
  });

  it('sends nothing on days off, and catches up the opening reminder on the next working day', () => {
    // Cafeteria April 2026: the window opens on Labour Day (May 1); the first working day is May 6.
    const cafe = item({ opens: '2026-05-01', due: '2026-05-08' });
    expect(planReminders([cafe], '2026-05-03', cal)).toEqual([]);
    expect(planReminders([cafe], '2026-05-06', cal).map((p) => [p.reason, p.workingDaysLeft, p.idempotencyKey])).toEqual([['dueSoon', 2, 'rating:r1@2026-05-06']]);
    expect(planReminders([item({ opens: '2026-05-25', due: '2026-06-30' })], '2026-05-27', cal).map((p) => p.reason)).toEqual(['opened']);
  });

  it('stops after the due day unless the policy keeps reminding, and groups per recipient', () => {
    expect(planReminders([item()], '2026-06-08', cal)).toEqual([]);
    const daily = planReminders([item({ lastRemindedOn: '2026-06-05' })], '2026-06-08', cal, { onOpen: true, beforeDue: [0], overdue: 'daily' });
    expect(daily.map((p) => [p.reason, p.workingDaysLeft])).toEqual([['overdue', -1]]);
    const many = planReminders([item(), item({ key: 'rating:r2', appraisalId: 'a2' }), item({ key: 'acknowledgement:a3', kind: 'acknowledgement', recipientId: 'n3' })], '2026-05-25', cal);
    expect([...remindersByRecipient(many)].map(([r, list]) => [r, list.length])).toEqual([
      ['hn', 2],
      ['n3', 1],
    ]);
  });

  it('summarises who has not acted, per kind', () => {
    const items = [item(), item({ key: 'rating:r2', recipientId: 'dir', due: '2026-06-01' }), item({ key: 'selfReview:a1', kind: 'selfReview', recipientId: 'n1' })];
    expect(outstanding(items, '2026-06-02')).toEqual([
      { kind: 'selfReview', open: 1, overdue: 0, recipients: 1 },
      { kind: 'rating', open: 2, overdue: 1, recipients: 2 },
      { kind: 'acknowledgement', open: 0, overdue: 0, recipients: 0 },
    ]);
  });
});
