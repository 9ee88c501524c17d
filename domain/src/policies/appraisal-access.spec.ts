import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { readableOnEveryRow } from './access.js';
import { APPRAISAL_FIELDS, DEFAULT_VISIBILITY, appraisalAccess, appraisalRowScope, canManageAppraisalInputs, myAppraisalsAccess, visibilityFacts, type AppraisalFacts } from './appraisal-access.js';
import { factCombinations } from './facts.js';

const actor = (roles: Actor['roles'], employeeId: string | null = 'me'): Actor => ({ userId: 'u', employeeId, roles });
const hr = actor(['HR', 'EMPLOYEE'], 'hr');
const employee = actor(['EMPLOYEE']);
const supervisor = actor(['EMPLOYEE', 'SUPERVISOR'], 'boss');
const committee = actor(['COMMITTEE'], null);
const admin = actor(['ADMIN'], null);
const facts = (over: Partial<AppraisalFacts> = {}): AppraisalFacts => ({ subject: 'self', actorIsRater: false, published: false, ...DEFAULT_VISIBILITY, ...over });
const read = (a: Actor, f: AppraisalFacts, field: string) => appraisalAccess.fields[field]?.(a, f) ?? false;
const readable = (a: Actor, f: AppraisalFacts) => Object.keys(appraisalAccess.fields).filter((k) => read(a, f, k));

describe('appraisal row scope', () => {
  it('scopes by role: HR all; employees own and rated; supervisors also their line; committee published; admin none', () => {
    expect(appraisalRowScope(hr)).toEqual({ kind: 'all' });
    expect(appraisalRowScope(employee)).toEqual({ kind: 'some', employeeId: 'me', own: true, line: false, asRater: true, publishedAll: false });
    expect(appraisalRowScope(supervisor)).toEqual({ kind: 'some', employeeId: 'boss', own: true, line: true, asRater: true, publishedAll: false });
    expect(appraisalRowScope(committee)).toEqual({ kind: 'some', employeeId: null, own: false, line: false, asRater: false, publishedAll: true });
    expect(appraisalRowScope(admin)).toEqual({ kind: 'none' });
    expect(appraisalRowScope(actor([]))).toEqual({ kind: 'none' });
  });
});

describe('appraisal fields: the employee before and after publication', () => {
  it('before publication: their work, never total, grade, pay, explanation or comments (FORBIDDEN, not null)', () => {
    expect(readable(employee, facts())).toEqual(['id', 'cycle', 'employee', 'state', 'version', 'createdAt', 'updatedAt', 'publishedAt', 'selfReview', 'selfReviewSubmittedAt', 'deadlines', 'ratingProgress', 'myRatings']);
  });

  it('after publication: the result with its explanation, pay, comments and the acknowledgement; never calibration history', () => {
    const after = readable(employee, facts({ published: true }));
    for (const f of [...APPRAISAL_FIELDS.result, ...APPRAISAL_FIELDS.pay, 'raterComments', 'acknowledgement']) expect(after).toContain(f);
    for (const f of [...APPRAISAL_FIELDS.hr, ...APPRAISAL_FIELDS.hrOrLine]) expect(after).not.toContain(f);
    expect(read(employee, facts({ published: true, subjectRatings: 'scores' }), 'raterComments')).toBe(false);
  });

  it('sees nothing of a colleague, unless rating them (a peer): then the work, never the result', () => {
    expect(readable(employee, facts({ subject: 'other' }))).toEqual([]);
    const peer = readable(employee, facts({ subject: 'other', actorIsRater: true, published: true }));
    expect(peer).toContain('selfReview');
    expect(peer).not.toContain('total');
    expect(peer).not.toContain('pay');
  });
});

describe('appraisal fields: supervisors in and outside the line', () => {
  it('by default sees the line results after publication, never pay', () => {
    expect(read(supervisor, facts({ subject: 'line' }), 'total')).toBe(false);
    expect(read(supervisor, facts({ subject: 'line', published: true }), 'total')).toBe(true);
    expect(read(supervisor, facts({ subject: 'line', published: true }), 'pay')).toBe(false);
    expect(read(supervisor, facts({ subject: 'line' }), 'raters')).toBe(true);
    expect(read(supervisor, facts({ subject: 'line' }), 'gradeChanges')).toBe(false);
  });

  it('follows the scheme: always (before publication), with pay, or never', () => {
    expect(read(supervisor, facts({ subject: 'line', supervisorResult: 'always' }), 'grade')).toBe(true);
    expect(read(supervisor, facts({ subject: 'line', supervisorResult: 'always', supervisorPay: true }), 'pay')).toBe(true);
    expect(read(supervisor, facts({ subject: 'line', published: true, supervisorResult: 'never', supervisorPay: true }), 'pay')).toBe(false);
    expect(read(supervisor, facts({ subject: 'line', published: true, supervisorResult: 'never' }), 'explanation')).toBe(false);
  });

  it('outside the line sees nothing; rating someone there (DEPARTMENT, HR reviewer) gives the work only', () => {
    expect(readable(supervisor, facts({ subject: 'other', published: true }))).toEqual([]);
    const rater = readable(supervisor, facts({ subject: 'other', actorIsRater: true, published: true, supervisorResult: 'always' }));
    expect(rater).toContain('deadlines');
    expect(rater).not.toContain('grade');
  });
});

describe('appraisal fields: committee, HR, admin', () => {
  it('the committee reads published results, never pay or comments, and nothing unpublished', () => {
    expect(read(committee, facts({ subject: 'other', published: true }), 'grade')).toBe(true);
    expect(read(committee, facts({ subject: 'other', published: true, supervisorPay: true }), 'pay')).toBe(false);
    expect(read(committee, facts({ subject: 'other', published: true }), 'raterComments')).toBe(false);
    expect(readable(committee, facts({ subject: 'other' }))).toEqual([]);
    // Roll-ups follow rollupAccess: not the committee's.
    expect(read(committee, facts({ subject: 'other', published: true }), 'rollup')).toBe(false);
    expect(read(employee, facts({ published: true }), 'rollup')).toBe(true);
    expect(read(employee, facts(), 'rollup')).toBe(false);
  });

  it('HR reads every field on every row; admin none', () => {
    for (const f of factCombinations<AppraisalFacts>({ subject: ['self', 'line', 'other'], actorIsRater: [false], published: [false], supervisorResult: ['never'], supervisorPay: [false], subjectRatings: ['hidden'] })) {
      expect(readable(hr, f)).toEqual(Object.keys(appraisalAccess.fields));
      expect(readable(admin, f)).toEqual([]);
    }
  });

  it('lets HR and the line manage inputs (plus/minus entries, peers)', () => {
    expect(canManageAppraisalInputs(supervisor, 'line')).toBe(true);
    expect(canManageAppraisalInputs(supervisor, 'other')).toBe(false);
    expect(canManageAppraisalInputs(employee, 'self')).toBe(false);
    expect(canManageAppraisalInputs(hr, 'other')).toBe(true);
  });
});

describe('filters and sorts (readableOnEveryRow)', () => {
  it('an employee cannot filter or sort their appraisals by total (unpublished rows exist); HR can; everyone can by state', () => {
    expect(readableOnEveryRow(appraisalAccess, employee, 'total')).toBe(false);
    expect(readableOnEveryRow(appraisalAccess, employee, 'state')).toBe(true);
    expect(readableOnEveryRow(appraisalAccess, supervisor, 'grade')).toBe(false);
    expect(readableOnEveryRow(appraisalAccess, committee, 'grade')).toBe(true);
    expect(readableOnEveryRow(appraisalAccess, committee, 'pay')).toBe(false);
    expect(readableOnEveryRow(appraisalAccess, hr, 'pay')).toBe(true);
    expect(readableOnEveryRow(appraisalAccess, admin, 'state')).toBe(true); // no rows at all: vacuous, and the scope returns none
    expect(appraisalAccess.factClasses(admin)).toEqual([]);
  });

  it('myAppraisals: by cycle and state yes, by total no (unpublished ones are there)', () => {
    expect(readableOnEveryRow(myAppraisalsAccess, employee, 'cycle')).toBe(true);
    expect(readableOnEveryRow(myAppraisalsAccess, employee, 'total')).toBe(false);
    expect(myAppraisalsAccess.factClasses(supervisor).every((f) => f.subject === 'self')).toBe(true);
  });

  it('enumerates only the rows a scope can hold', () => {
    expect(appraisalAccess.factClasses(employee).every((f) => f.subject === 'self' || f.actorIsRater)).toBe(true);
    expect(appraisalAccess.factClasses(committee).every((f) => f.published)).toBe(true);
    expect(appraisalAccess.factClasses(hr)).toHaveLength(3 * 2 * 2 * 3 * 2 * 3);
  });
});

describe('the field list', () => {
  it('names every field once', () => {
    const listed = Object.values(APPRAISAL_FIELDS).flat();
    expect(new Set(listed).size).toBe(listed.length);
    expect(Object.keys(appraisalAccess.fields).sort()).toEqual([...listed].sort());
  });

  it('reads a scheme visibility block into facts, with defaults', () => {
    expect(visibilityFacts(undefined)).toEqual({ supervisorResult: 'afterPublication', supervisorPay: false, subjectRatings: 'scoresAndComments' });
    expect(visibilityFacts({ supervisor: { result: 'always', pay: true }, subject: { ratings: 'hidden' } })).toEqual({ supervisorResult: 'always', supervisorPay: true, subjectRatings: 'hidden' });
  });
});
