import { anyRole, type FieldGuardTree, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

const isHR = hasAnyRole('HR');
const hrOnly = anyRole('HR');

/**
 * Shield rules of calibration, publication, acknowledgement and closing. Calibration, publishing and closing are
 * HR's; acknowledging is the appraised employee's (the service refuses anyone else with FORBIDDEN).
 */
export const resultRules: Record<string, Record<string, IRule>> = {
  Query: fields(['exportCycleResults'], isHR),
  Mutation: {
    ...fields(['changeGrade', 'applyCalibrationProposal', 'setGroupAmounts', 'publishCycle', 'closeCycle'], isHR),
    ...fields(['acknowledgeResult', 'refuseAcknowledgement'], isAuthenticated),
  },
};

/**
 * Guards of the result types. The fields that hold them on Appraisal and Cycle are guarded by the domain
 * policies (appraisalAccess: pay, payLines, acknowledgement, gradeChanges, raterComments; cycleAccess:
 * calibration); what lies inside follows its parent.
 */
export const resultGuards: FieldGuardTree = mergeGuards(
  typeGuards('CalibrationGroup', ['groupKey', 'groupName', 'groupNameZh', 'size', 'counts', 'violations', 'proposal'], hrOnly),
  typeGuards('CycleGroupAmount', ['groupKey', 'pool', 'outputValue', 'inputs'], hrOnly),
  typeGuards('GradeCount', ['grade', 'count', 'percent'], hrOnly),
  typeGuards('CalibrationProposalRow', ['appraisalId', 'employeeId', 'rank', 'from', 'to'], hrOnly),
  typeGuards('GradeChange', ['id', 'from', 'to', 'reason', 'source', 'rank', 'groupSize', 'createdAt'], hrOnly),
  typeGuards('PayLine', ['component', 'amount', 'detail'], signedIn),
  typeGuards('AppraisalPay', ['total', 'lines'], signedIn),
  typeGuards('Acknowledgement', ['due', 'acknowledgedAt', 'refusedAt', 'refusalReason', 'lapsedAt'], signedIn),
  typeGuards('RaterComment', ['section', 'role', 'comment', 'itemComments'], signedIn),
);
