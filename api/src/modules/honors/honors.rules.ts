import { awardAccess, honorProgramAccess, nominationAccess, voteAccess } from '@appraisal/domain';
import { type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

const isHR = hasAnyRole('HR');

/** Shield rules of the honors operations; the services and row scopes decide per program and nomination. */
export const honorRules: Record<string, Record<string, IRule>> = {
  Query: fields(['honorPrograms', 'honorProgram', 'nominations', 'nomination'], isAuthenticated),
  Mutation: {
    ...fields(['saveHonorProgram', 'transitionHonorProgram', 'reviewNomination'], isHR),
    ...fields(['nominate', 'withdrawNomination'], hasAnyRole('HR', 'SUPERVISOR')),
    ...fields(['castVote', 'recordHonorDecision'], hasAnyRole('COMMITTEE')),
  },
};

const page = ['nodes', 'edges', 'pageInfo', 'totalCount'] as const;

// Parts of a program, a nomination or an eligibility check: the parent field already decided (its policy group).
export const honorGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(honorProgramAccess, { what: 'honor program' }),
  guardsFromAccess(nominationAccess, { what: 'nomination' }),
  guardsFromAccess(voteAccess, { what: 'vote' }),
  guardsFromAccess(awardAccess, { what: 'award' }),
  typeGuards('DateWindow', ['opens', 'closes'], signedIn),
  typeGuards('HonorCriteria', ['acceptedGrades', 'minScore', 'noDisciplinaryDecision', 'disciplinaryRuleCodes', 'minTenureMonths', 'teamMinMembers', 'teamMinAverageScore'], signedIn),
  typeGuards('HonorDepartmentQuota', ['departmentId', 'quota'], signedIn),
  typeGuards('HonorQuotas', ['overall', 'perDepartment', 'departments'], signedIn),
  typeGuards('HonorCommitteeMember', ['employee', 'chair'], signedIn),
  typeGuards('HonorDecisionRule', ['quorum', 'decision', 'members'], signedIn),
  typeGuards('HonorDecisionRecord', ['decidedAt'], signedIn),
  typeGuards('HonorReward', ['ruleCode', 'amount'], signedIn),
  typeGuards('HonorEligibility', ['eligible', 'checks'], signedIn),
  typeGuards('HonorCheck', ['code', 'passed', 'params', 'message', 'messageZh'], signedIn),
  typeGuards('HonorTally', ['members', 'cast', 'approve', 'reject', 'abstain', 'quorum', 'quorumReached', 'needed', 'outcome'], signedIn),
  typeGuards('CandidateResult', ['periodKey', 'cycleName', 'schemeName', 'total', 'grade'], signedIn),
  typeGuards('CandidateHonor', ['year', 'title'], signedIn),
  typeGuards('HonorProgramConnection', page, signedIn),
  typeGuards('HonorProgramEdge', ['cursor', 'node'], signedIn),
  typeGuards('NominationConnection', page, signedIn),
  typeGuards('NominationEdge', ['cursor', 'node'], signedIn),
);
