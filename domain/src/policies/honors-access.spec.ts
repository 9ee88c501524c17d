import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { readableOnEveryRow } from './access.js';
import { awardAccess, canNominate, honorProgramAccess, NOMINATION_FIELDS, nominationAccess, voteAccess, type NominationFacts } from './honors-access.js';
import { appraisalAccess, DEFAULT_VISIBILITY } from './appraisal-access.js';
import { ledgerEntryAccess } from './ledger-access.js';

const actor = (roles: Actor['roles'], employeeId: string | null = 'me'): Actor => ({ userId: 'u', employeeId, roles });
const hr = actor(['HR', 'EMPLOYEE'], 'hr');
const supervisor = actor(['EMPLOYEE', 'SUPERVISOR'], 'boss');
const committee = actor(['COMMITTEE'], null);
const employee = actor(['EMPLOYEE']);
const nomination = (over: Partial<NominationFacts> = {}): NominationFacts => ({ candidate: 'other', nominatedByActor: false, actorIsMember: true, voteClosed: false, ...over });

describe('the committee sees merit, never money or appeals', () => {
  it('reads candidates with reasons, eligibility, annual grades and history; the tally only after the vote closes', () => {
    for (const f of [...NOMINATION_FIELDS.ballot, ...NOMINATION_FIELDS.record, ...NOMINATION_FIELDS.turnout, ...NOMINATION_FIELDS.myVote]) expect(nominationAccess.fields[f]?.(committee, nomination()), f).toBe(true);
    expect(nominationAccess.fields.tally?.(committee, nomination())).toBe(false);
    expect(nominationAccess.fields.tally?.(committee, nomination({ voteClosed: true }))).toBe(true);
    expect(nominationAccess.fields.reason?.(committee, nomination({ actorIsMember: false }))).toBe(false);
  });

  it('is denied the program reward amount, ledger amounts and appraisal pay', () => {
    expect(honorProgramAccess.fields.reward?.(committee, { actorIsMember: true, nominating: false, announced: false })).toBe(false);
    expect(honorProgramAccess.fields.quotas?.(committee, { actorIsMember: true, nominating: false, announced: false })).toBe(true);
    expect(ledgerEntryAccess.factClasses(committee)).toEqual([]);
    expect(appraisalAccess.fields.pay?.(committee, { subject: 'other', actorIsRater: false, published: true, ...DEFAULT_VISIBILITY, supervisorPay: true })).toBe(false);
    expect(awardAccess.fields.rewardEntries?.(committee, { recipientIsActor: false, announced: true })).toBe(false);
  });
});

describe('secret votes', () => {
  it('a member sees their own vote; others (and HR) only after the vote closes', () => {
    expect(voteAccess.fields.choice?.(committee, { ownVote: true, actorIsMember: true, voteClosed: false })).toBe(true);
    expect(voteAccess.fields.choice?.(committee, { ownVote: false, actorIsMember: true, voteClosed: false })).toBe(false);
    expect(voteAccess.fields.choice?.(hr, { ownVote: false, actorIsMember: false, voteClosed: false })).toBe(false);
    expect(voteAccess.fields.choice?.(hr, { ownVote: false, actorIsMember: false, voteClosed: true })).toBe(true);
    expect(voteAccess.fields.choice?.(committee, { ownVote: false, actorIsMember: true, voteClosed: true })).toBe(true);
    expect(voteAccess.factClasses(supervisor)).toEqual([]);
    // Other members' open votes are not even in the list's scope, so sorting by choice reveals nothing.
    expect(voteAccess.factClasses(committee).some((f) => !f.ownVote && !f.voteClosed)).toBe(false);
    expect(readableOnEveryRow(voteAccess, committee, 'choice')).toBe(true);
  });
});

describe('nominators, candidates and everyone else', () => {
  it('supervisors nominate their line and read their own nominations; candidates do not see deliberations', () => {
    expect(canNominate(supervisor, 'line')).toBe(true);
    expect(canNominate(supervisor, 'self')).toBe(false);
    expect(canNominate(employee, 'line')).toBe(false);
    expect(nominationAccess.fields.reason?.(supervisor, nomination({ candidate: 'line', nominatedByActor: true, actorIsMember: false }))).toBe(true);
    expect(nominationAccess.fields.tally?.(supervisor, nomination({ candidate: 'line', nominatedByActor: true, actorIsMember: false, voteClosed: true }))).toBe(false);
    expect(nominationAccess.factClasses(employee)).toEqual([]);
  });

  it('awards are public once announced; the recipient and HR see the money', () => {
    expect(awardAccess.fields.citation?.(employee, { recipientIsActor: false, announced: true })).toBe(true);
    expect(awardAccess.fields.citation?.(employee, { recipientIsActor: false, announced: false })).toBe(false);
    expect(awardAccess.fields.rewardEntries?.(employee, { recipientIsActor: true, announced: true })).toBe(true);
    expect(honorProgramAccess.fields.eligibility?.(supervisor, { actorIsMember: false, nominating: true, announced: false })).toBe(true);
    expect(honorProgramAccess.fields.eligibility?.(employee, { actorIsMember: false, nominating: false, announced: true })).toBe(false);
  });
});
