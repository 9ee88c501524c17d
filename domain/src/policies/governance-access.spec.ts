import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { readableOnEveryRow } from './access.js';
import { APPEAL_FIELDS, appealAccess, appealRowScope, archiveAccess, canFileAppeal, statementRequestAccess, type AppealFacts } from './appeal-access.js';
import { inboxItemAccess, policyAccess, policyVersionAccess } from './governance-access.js';
import { noticeAccess } from './notice-access.js';

const actor = (roles: Actor['roles'], employeeId: string | null = 'me'): Actor => ({ userId: 'u', employeeId, roles });
const hr = actor(['HR', 'EMPLOYEE'], 'hr');
const employee = actor(['EMPLOYEE']);
const supervisor = actor(['EMPLOYEE', 'SUPERVISOR'], 'boss');
const committee = actor(['COMMITTEE'], 'cm');
const appeal = (over: Partial<AppealFacts> = {}): AppealFacts => ({ appellant: false, assigned: false, statementAsked: false, ...over });
const fieldsOf = (a: Actor, f: AppealFacts) => Object.keys(appealAccess.fields).filter((k) => appealAccess.fields[k]?.(a, f));

describe('appeals: the appellant, HR and those HR assigns', () => {
  it('the appellant reads status, contents and decision of their own appeal, never the handling', () => {
    const mine = fieldsOf(employee, appeal({ appellant: true }));
    for (const f of [...APPEAL_FIELDS.status, ...APPEAL_FIELDS.contents, ...APPEAL_FIELDS.decision]) expect(mine).toContain(f);
    for (const f of APPEAL_FIELDS.handling) expect(mine).not.toContain(f);
    expect(fieldsOf(employee, appeal())).toEqual([]);
    expect(canFileAppeal(employee, 'self')).toBe(true);
    expect(canFileAppeal(supervisor, 'line')).toBe(false);
  });

  it('the committee sees nothing unless assigned; a rater asked for a statement sees no appeal field', () => {
    expect(fieldsOf(committee, appeal())).toEqual([]);
    expect(fieldsOf(committee, appeal({ assigned: true }))).toEqual(Object.keys(appealAccess.fields));
    expect(fieldsOf(supervisor, appeal({ statementAsked: true }))).toEqual([]);
    expect(statementRequestAccess.fields.question?.(supervisor, { asked: true, handler: false })).toBe(true);
    expect(statementRequestAccess.fields.question?.(supervisor, { asked: false, handler: false })).toBe(false);
    expect(appealRowScope(employee)).toEqual({ kind: 'some', own: true, assigned: false });
    expect(appealRowScope(actor(['ADMIN'], null))).toEqual({ kind: 'none' });
  });

  it('HR reads everything; lists filter by state for everyone who has rows', () => {
    expect(fieldsOf(hr, appeal())).toEqual(Object.keys(appealAccess.fields));
    expect(readableOnEveryRow(appealAccess, employee, 'state')).toBe(true);
    expect(readableOnEveryRow(appealAccess, committee, 'notes')).toBe(true); // only assigned appeals are in scope
    expect(readableOnEveryRow(appealAccess, supervisor, 'notes')).toBe(false); // their own appeals are in scope too
  });
});

describe('policies, notices, inbox, archive by audience', () => {
  it('published versions to the people in scope; drafts and acknowledgement tracking to HR', () => {
    expect(policyVersionAccess.fields.body?.(employee, { published: true, inScope: true })).toBe(true);
    expect(policyVersionAccess.fields.body?.(employee, { published: false, inScope: true })).toBe(false);
    expect(policyVersionAccess.fields.body?.(employee, { published: true, inScope: false })).toBe(false);
    expect(policyVersionAccess.fields.pending?.(supervisor, { published: true, inScope: true })).toBe(false);
    expect(policyVersionAccess.fields.pending?.(hr, { published: true, inScope: false })).toBe(true);
  });

  it('a policy reads as its current version: its people see it once published, HR always; bookkeeping to HR', () => {
    expect(policyAccess.fields.code?.(employee, { published: true, inScope: true })).toBe(true);
    expect(policyAccess.fields.code?.(employee, { published: false, inScope: true })).toBe(false);
    expect(policyAccess.fields.versions?.(committee, { published: true, inScope: false })).toBe(false);
    expect(policyAccess.fields.code?.(hr, { published: false, inScope: false })).toBe(true);
    expect(policyAccess.fields.version?.(supervisor, { published: true, inScope: true })).toBe(false);
    expect(readableOnEveryRow(policyAccess, employee, 'code')).toBe(true);
  });

  it('notices to their recipients once visible; reach to HR; inboxes private even from HR', () => {
    expect(noticeAccess.fields.body?.(employee, { recipient: true, visible: true })).toBe(true);
    expect(noticeAccess.fields.body?.(employee, { recipient: true, visible: false })).toBe(false);
    expect(noticeAccess.fields.reach?.(employee, { recipient: true, visible: true })).toBe(false);
    expect(noticeAccess.fields.reach?.(hr, { recipient: false, visible: false })).toBe(true);
    expect(inboxItemAccess.fields.title?.(hr, { own: false })).toBe(false);
    expect(inboxItemAccess.fields.title?.(employee, { own: true })).toBe(true);
  });

  it('archives: HR everyone, a person their own, not supervisors or the committee', () => {
    expect(archiveAccess.fields.events?.(hr, { subject: 'other' })).toBe(true);
    expect(archiveAccess.fields.events?.(employee, { subject: 'self' })).toBe(true);
    expect(archiveAccess.fields.lastExport?.(employee, { subject: 'self' })).toBe(false);
    expect(archiveAccess.fields.events?.(supervisor, { subject: 'line' })).toBe(false);
    expect(archiveAccess.fields.events?.(committee, { subject: 'other' })).toBe(false);
  });
});
