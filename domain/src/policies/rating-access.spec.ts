import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { readableOnEveryRow } from './access.js';
import { RATING_FIELDS, ratingAccess, ratingRowScope, ratingTaskAccess, type RatingFacts } from './rating-access.js';

const actor = (roles: Actor['roles'], employeeId: string | null = 'me'): Actor => ({ userId: 'u', employeeId, roles });
const hr = actor(['HR'], 'hr');
const employee = actor(['EMPLOYEE']);
const supervisor = actor(['EMPLOYEE', 'SUPERVISOR'], 'boss');
const committeeMember = actor(['COMMITTEE'], 'c1');
const f = (over: Partial<RatingFacts> = {}): RatingFacts => ({
  subject: 'other',
  actorIsRater: false,
  state: 'submitted',
  published: false,
  supervisorResult: 'afterPublication',
  subjectRatings: 'scoresAndComments',
  subjectRaterNames: false,
  ...over,
});
const readable = (a: Actor, facts: RatingFacts) => Object.keys(ratingAccess.fields).filter((k) => ratingAccess.fields[k]?.(a, facts));
const all = Object.values(RATING_FIELDS).flat();

describe('rating row scope', () => {
  it('HR all; others their own tasks, their line, their own after publication; admin none', () => {
    expect(ratingRowScope(hr)).toEqual({ kind: 'all' });
    expect(ratingRowScope(employee)).toEqual({ kind: 'some', employeeId: 'me', asRater: true, line: false, ownPublished: true });
    expect(ratingRowScope(supervisor)).toEqual({ kind: 'some', employeeId: 'boss', asRater: true, line: true, ownPublished: true });
    expect(ratingRowScope(committeeMember)).toEqual({ kind: 'some', employeeId: 'c1', asRater: true, line: false, ownPublished: false });
    expect(ratingRowScope(actor(['ADMIN'], null))).toEqual({ kind: 'none' });
  });
});

describe('rating fields', () => {
  it('the rater reads everything of their own rating, draft or not', () => {
    expect(readable(employee, f({ actorIsRater: true, state: 'draft' }))).toEqual(all);
    expect(readable(committeeMember, f({ actorIsRater: true, state: 'pending' }))).toEqual(all);
  });

  it('a draft is the rater\'s alone: HR sees that it exists and its state, not its scores or comments', () => {
    const draft = readable(hr, f({ state: 'draft' }));
    expect(draft).toEqual([...RATING_FIELDS.slot, ...RATING_FIELDS.rater, ...RATING_FIELDS.handling]);
    expect(readable(hr, f({ state: 'submitted' }))).toEqual(all);
  });

  it('the appraised employee sees nothing before publication, then what the scheme shows', () => {
    expect(readable(employee, f({ subject: 'self' }))).toEqual([]);
    const shown = readable(employee, f({ subject: 'self', published: true }));
    expect(shown).toEqual([...RATING_FIELDS.slot, ...RATING_FIELDS.scores, ...RATING_FIELDS.comments]);
    expect(readable(employee, f({ subject: 'self', published: true, subjectRatings: 'scores' }))).not.toContain('comment');
    expect(readable(employee, f({ subject: 'self', published: true, subjectRatings: 'hidden' }))).toEqual([]);
    expect(readable(employee, f({ subject: 'self', published: true, subjectRaterNames: true }))).toContain('rater');
    // A rating that never got submitted (reassigned) is not part of the result.
    expect(readable(employee, f({ subject: 'self', published: true, state: 'reassigned' }))).toEqual([]);
  });

  it('the employee\'s own SELF rating is theirs as rater', () => {
    expect(readable(employee, f({ subject: 'self', actorIsRater: true, state: 'draft' }))).toEqual(all);
  });

  it('the line supervisor follows progress always and reads contents with the result; outside the line nothing', () => {
    expect(readable(supervisor, f({ subject: 'line', state: 'draft' }))).toEqual([...RATING_FIELDS.slot, ...RATING_FIELDS.rater]);
    expect(readable(supervisor, f({ subject: 'line' }))).toEqual([...RATING_FIELDS.slot, ...RATING_FIELDS.rater]);
    expect(readable(supervisor, f({ subject: 'line', published: true }))).toEqual([...RATING_FIELDS.slot, ...RATING_FIELDS.rater, ...RATING_FIELDS.scores, ...RATING_FIELDS.comments]);
    expect(readable(supervisor, f({ subject: 'line', supervisorResult: 'always' }))).toContain('items');
    expect(readable(supervisor, f({ subject: 'other', published: true }))).toEqual([]);
  });

  it('filters: a rater may sort their tasks by state, not by scores; HR may not filter scores (drafts hide them)', () => {
    expect(readableOnEveryRow(ratingAccess, employee, 'state')).toBe(false); // own published ratings may be hidden by the scheme
    expect(readableOnEveryRow(ratingAccess, committeeMember, 'state')).toBe(true);
    expect(readableOnEveryRow(ratingAccess, committeeMember, 'items')).toBe(true);
    expect(readableOnEveryRow(ratingAccess, hr, 'items')).toBe(false);
    expect(readableOnEveryRow(ratingAccess, hr, 'state')).toBe(true);
    // myRatingTasks lists only the ratings the actor fills: there state and scores are theirs to sort on.
    expect(readableOnEveryRow(ratingTaskAccess, employee, 'state')).toBe(true);
    expect(readableOnEveryRow(ratingTaskAccess, supervisor, 'sectionScore')).toBe(true);
  });
});
