import { hasRole, type Actor } from './actor.js';
import { sameFor, type FieldPolicy, type ResourceAccess } from './access.js';
import { asLineSupervisor, factCombinations, type SubjectRelation } from './facts.js';

const isHR = (actor: Actor): boolean => hasRole(actor, 'HR');
/** A member of this program's committee (the COMMITTEE role and named in the program). */
const member = (actor: Actor, isMember: boolean): boolean => isMember && hasRole(actor, 'COMMITTEE');

/** What one program row is to the actor. */
export interface HonorProgramFacts {
  /** The actor sits on this program's committee. */
  actorIsMember: boolean;
  /** Nominations are open (supervisors read the criteria to nominate). */
  nominating: boolean;
  /** The results are announced (everyone reads what was awarded). */
  announced: boolean;
}

/** Fields of the HonorProgram GraphQL type, grouped by policy. */
export const HONOR_PROGRAM_FIELDS = {
  public: ['id', 'code', 'year', 'kind', 'name', 'title', 'state', 'awards'],
  criteria: ['eligibility', 'quotas', 'nominationWindow', 'votingWindow'],
  /** `version` too: the chair sends it back with the decision. */
  committee: ['committee', 'decisionRule', 'nominations', 'decision', 'minutes', 'version'],
  money: ['reward'],
  admin: ['createdAt', 'updatedAt', 'createdBy', 'document'],
} as const;

/**
 * Which programs an actor may list: HR all; committee members the programs they sit on; supervisors programs open
 * for nominations; everyone announced programs. The API ORs these in SQL.
 * Example: honorProgramRowScope(supervisorActor) -> { kind: 'some', member: false, nominating: true, announced: true }
 */
export function honorProgramRowScope(actor: Actor): { kind: 'all' } | { kind: 'some'; member: boolean; nominating: boolean; announced: boolean } | { kind: 'none' } {
  if (isHR(actor)) return { kind: 'all' };
  const person = hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'COMMITTEE');
  if (!person) return { kind: 'none' };
  return { kind: 'some', member: hasRole(actor, 'COMMITTEE'), nominating: hasRole(actor, 'SUPERVISOR'), announced: true };
}

const readsPublic: FieldPolicy<HonorProgramFacts> = (actor, f) => isHR(actor) || member(actor, f.actorIsMember) || (f.nominating && hasRole(actor, 'SUPERVISOR')) || (f.announced && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'COMMITTEE'));
const readsCriteria: FieldPolicy<HonorProgramFacts> = (actor, f) => isHR(actor) || member(actor, f.actorIsMember) || (f.nominating && hasRole(actor, 'SUPERVISOR'));
const readsCommittee: FieldPolicy<HonorProgramFacts> = (actor, f) => isHR(actor) || member(actor, f.actorIsMember);

/**
 * Field access of the HonorProgram type. The reward amount is a ledger amount: HR only (the committee decides on
 * merit, never on money). Example: honorProgramAccess.fields.reward(committeeActor, { actorIsMember: true, ... }) -> false
 */
export const honorProgramAccess: ResourceAccess<HonorProgramFacts> = {
  typeName: 'HonorProgram',
  factClasses: (actor) => {
    const scope = honorProgramRowScope(actor);
    if (scope.kind === 'none') return [];
    const all = factCombinations<HonorProgramFacts>({ actorIsMember: [true, false], nominating: [true, false], announced: [true, false] });
    if (scope.kind === 'all') return all;
    return all.filter((f) => (scope.member && f.actorIsMember) || (scope.nominating && f.nominating) || (scope.announced && f.announced));
  },
  fields: {
    ...sameFor(HONOR_PROGRAM_FIELDS.public, readsPublic),
    ...sameFor(HONOR_PROGRAM_FIELDS.criteria, readsCriteria),
    ...sameFor(HONOR_PROGRAM_FIELDS.committee, readsCommittee),
    ...sameFor(HONOR_PROGRAM_FIELDS.money, (actor) => isHR(actor)),
    ...sameFor(HONOR_PROGRAM_FIELDS.admin, (actor) => isHR(actor)),
  },
};

/** Setting up programs, reviewing eligibility, opening the vote, announcing. Example: canManageHonors(committeeActor) -> false */
export function canManageHonors(actor: Actor): boolean {
  return isHR(actor);
}

/** What one nomination row is to the actor. */
export interface NominationFacts {
  /** The candidate (or the team's head) relative to the actor. */
  candidate: SubjectRelation;
  nominatedByActor: boolean;
  /** The actor sits on the program's committee. */
  actorIsMember: boolean;
  /** The program's vote has closed. */
  voteClosed: boolean;
}

/**
 * Which nominations an actor may list: HR all; members those of their programs (shortlisted and later: the
 * ballot); supervisors the ones they made. The candidate does not see the deliberation.
 * Example: nominationRowScope(committeeActor) -> { kind: 'some', asMember: true, asNominator: false }
 */
export function nominationRowScope(actor: Actor): { kind: 'all' } | { kind: 'some'; asMember: boolean; asNominator: boolean } | { kind: 'none' } {
  if (isHR(actor)) return { kind: 'all' };
  const asMember = hasRole(actor, 'COMMITTEE');
  const asNominator = actor.employeeId !== null && hasRole(actor, 'SUPERVISOR');
  return asMember || asNominator ? { kind: 'some', asMember, asNominator } : { kind: 'none' };
}

/** Fields of the Nomination GraphQL type, grouped by policy. */
export const NOMINATION_FIELDS = {
  /** `version` too: the nominator sends it back to withdraw. */
  ballot: ['id', 'program', 'candidate', 'team', 'department', 'state', 'reason', 'eligibility', 'nominatedBy', 'createdAt', 'version'],
  /** Finalized annual grades and the results history (the committee's view of merit; never pay, ledger or appeals). */
  record: ['annualResult', 'resultsHistory', 'honorsHistory'],
  /** Turnout while voting (how many members voted, never how). */
  turnout: ['votesCast', 'votes'],
  /** The count and the decision, once the vote has closed. */
  outcome: ['tally', 'decisionNote', 'decidedAt'],
  /** A member's own vote on this candidate (Vote type holds the rest). */
  myVote: ['myVote'],
  admin: ['updatedAt'],
} as const;

const readsBallot: FieldPolicy<NominationFacts> = (actor, f) => isHR(actor) || member(actor, f.actorIsMember) || (f.nominatedByActor && hasRole(actor, 'SUPERVISOR'));
const readsRecord: FieldPolicy<NominationFacts> = (actor, f) => isHR(actor) || member(actor, f.actorIsMember) || (f.nominatedByActor && asLineSupervisor(actor, f.candidate));
const readsOutcome: FieldPolicy<NominationFacts> = (actor, f) => isHR(actor) || (member(actor, f.actorIsMember) && f.voteClosed);

/**
 * Field access of the Nomination type: the committee sees candidates with reasons, eligibility, finalized annual
 * grades and results history — no field here states pay, ledger amounts or appeals, and the API joins none.
 * Example: nominationAccess.fields.tally(committeeActor, { actorIsMember: true, voteClosed: false, ... }) -> false
 */
export const nominationAccess: ResourceAccess<NominationFacts> = {
  typeName: 'Nomination',
  factClasses: (actor) => {
    const scope = nominationRowScope(actor);
    if (scope.kind === 'none') return [];
    const all = factCombinations<NominationFacts>({ candidate: ['self', 'line', 'other'], nominatedByActor: [true, false], actorIsMember: [true, false], voteClosed: [true, false] });
    if (scope.kind === 'all') return all;
    return all.filter((f) => (scope.asMember && f.actorIsMember) || (scope.asNominator && f.nominatedByActor));
  },
  fields: {
    ...sameFor(NOMINATION_FIELDS.ballot, readsBallot),
    ...sameFor(NOMINATION_FIELDS.record, readsRecord),
    ...sameFor(NOMINATION_FIELDS.turnout, (actor, f) => isHR(actor) || member(actor, f.actorIsMember)),
    ...sameFor(NOMINATION_FIELDS.outcome, readsOutcome),
    ...sameFor(NOMINATION_FIELDS.myVote, (actor, f) => member(actor, f.actorIsMember)),
    ...sameFor(NOMINATION_FIELDS.admin, (actor) => isHR(actor)),
  },
};

/** Nominating someone: HR, or a supervisor for their line. Example: canNominate(supervisorActor, 'line') -> true */
export function canNominate(actor: Actor, candidate: SubjectRelation): boolean {
  return candidate !== 'self' && (isHR(actor) || asLineSupervisor(actor, candidate));
}

/** What one vote row is to the actor. */
export interface VoteFacts {
  ownVote: boolean;
  actorIsMember: boolean;
  voteClosed: boolean;
}

/**
 * Which votes an actor may list: their own always; after the vote closes, members the votes of their programs and
 * HR all. Before it closes nobody — not HR — sees another member's vote.
 * Example: voteRowScope(hrActor) -> { kind: 'closedOrOwn', member: false }
 */
export function voteRowScope(actor: Actor): { kind: 'closedOrOwn'; member: boolean; all: boolean } | { kind: 'none' } {
  if (isHR(actor)) return { kind: 'closedOrOwn', member: false, all: true };
  if (hasRole(actor, 'COMMITTEE')) return { kind: 'closedOrOwn', member: true, all: false };
  return { kind: 'none' };
}

/** Fields of the Vote GraphQL type. */
export const VOTE_FIELDS = ['id', 'nomination', 'member', 'choice', 'castAt'] as const;

const readsVote: FieldPolicy<VoteFacts> = (actor, f) => (f.ownVote && hasRole(actor, 'COMMITTEE')) || (f.voteClosed && (isHR(actor) || member(actor, f.actorIsMember)));

/**
 * Field access of the Vote type: secret to other members (and HR) until the vote closes.
 * Example: voteAccess.fields.choice(otherMemberActor, { ownVote: false, actorIsMember: true, voteClosed: false }) -> false
 */
export const voteAccess: ResourceAccess<VoteFacts> = {
  typeName: 'Vote',
  factClasses: (actor) => {
    const scope = voteRowScope(actor);
    if (scope.kind === 'none') return [];
    const all = factCombinations<VoteFacts>({ ownVote: [true, false], actorIsMember: [true, false], voteClosed: [true, false] });
    return all.filter((f) => (f.ownVote && scope.member) || (f.voteClosed && (scope.all || (scope.member && f.actorIsMember))));
  },
  fields: sameFor(VOTE_FIELDS, readsVote),
};

/** Casting a vote: a member of the program's committee. Example: canVote(committeeActor, true) -> true */
export function canVote(actor: Actor, isMember: boolean): boolean {
  return member(actor, isMember);
}

/** What one award row is to the actor. */
export interface AwardFacts {
  recipientIsActor: boolean;
  announced: boolean;
}

/** Fields of the Award GraphQL type, grouped by policy. */
export const AWARD_FIELDS = {
  public: ['id', 'program', 'recipient', 'team', 'title', 'citation', 'announcedAt'],
  money: ['rewardEntries'],
} as const;

/**
 * Field access of the Award type: public once announced; the reward's ledger entries to HR and the recipient only.
 * Example: awardAccess.fields.rewardEntries(committeeActor, { recipientIsActor: false, announced: true }) -> false
 */
export const awardAccess: ResourceAccess<AwardFacts> = {
  typeName: 'Award',
  factClasses: (actor) => {
    if (isHR(actor)) return factCombinations<AwardFacts>({ recipientIsActor: [true, false], announced: [true, false] });
    if (!hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'COMMITTEE')) return [];
    return factCombinations<AwardFacts>({ recipientIsActor: [true, false], announced: [true] });
  },
  fields: {
    ...sameFor(AWARD_FIELDS.public, (actor, f) => isHR(actor) || (f.announced && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'COMMITTEE'))),
    ...sameFor(AWARD_FIELDS.money, (actor, f) => isHR(actor) || (f.recipientIsActor && f.announced && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR'))),
  },
};
