import { ServiceAccountEntity } from '../modules/analytics/service-account.entity.js';
import { Appeal, AppealHandler, AppealNote, ArchiveExport, ArchivePurge, ArchiveSetting, StatementRequestEntity } from '../modules/appeals/appeal.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { AuthSession } from '../modules/auth/auth-session.entity.js';
import { SignInThrottle } from '../modules/auth/sign-in-throttle.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { WorkCalendarYear } from '../modules/calendar/work-calendar-year.entity.js';
import {
  Appraisal,
  AppraisalAdjustment,
  AppraisalResult,
  GradeChange,
  MeasuredInput,
  PayLine,
  PublishedResult,
  Rating,
  RollupResult,
} from '../modules/cycles/appraisal.entity.js';
import { Cycle, CycleGroupAmount, CyclePhase, CyclePopulationChange, PhaseReopening } from '../modules/cycles/cycle.entity.js';
import { CycleRatingClose } from '../modules/cycles/rating-close.entity.js';
import { IndicatorCategory } from '../modules/indicators/indicator-category.entity.js';
import { Indicator } from '../modules/indicators/indicator.entity.js';
import { Department } from '../modules/org/department.entity.js';
import { Employee } from '../modules/org/employee.entity.js';
import { Position } from '../modules/org/position.entity.js';
import { LedgerEntry, LedgerIncident, LedgerRuleRecord, LedgerRuleRevision, PayoutBatch, PayoutBatchEntry, PayoutBatchLine } from '../modules/ledger/ledger.entity.js';
import { InboxDelivery, InboxItemEntity } from '../modules/notifications/inbox.entity.js';
import { Notice, NoticeRecipient } from '../modules/notices/notice.entity.js';
import { Policy, PolicyAcknowledgement, PolicyVersion } from '../modules/policies/policy.entity.js';
import { ProbationReview } from '../modules/probation/probation-review.entity.js';
import { SchemeVersion } from '../modules/schemes/scheme-version.entity.js';
import { Scheme } from '../modules/schemes/scheme.entity.js';
import { Award, HonorProgramRecord, Nomination, Vote } from '../modules/honors/honors.entity.js';

/** Every entity, listed explicitly: no folder scanning, so src (tsx/vitest) and dist (node) behave the same. */
export const entities = [
  Department,
  Position,
  Employee,
  User,
  AuditEntry,
  IndicatorCategory,
  Indicator,
  Scheme,
  SchemeVersion,
  AuthSession,
  SignInThrottle,
  WorkCalendarYear,
  Cycle,
  CyclePhase,
  CyclePopulationChange,
  CycleGroupAmount,
  PhaseReopening,
  CycleRatingClose,
  Appraisal,
  Rating,
  AppraisalAdjustment,
  MeasuredInput,
  AppraisalResult,
  GradeChange,
  PublishedResult,
  PayLine,
  RollupResult,
  ProbationReview,
  LedgerRuleRecord,
  LedgerRuleRevision,
  LedgerIncident,
  LedgerEntry,
  PayoutBatchEntry,
  PayoutBatchLine,
  PayoutBatch,
  InboxItemEntity,
  InboxDelivery,
  Policy,
  PolicyVersion,
  PolicyAcknowledgement,
  Notice,
  NoticeRecipient,
  ServiceAccountEntity,
  Appeal,
  AppealHandler,
  AppealNote,
  StatementRequestEntity,
  ArchiveSetting,
  ArchiveExport,
  ArchivePurge,
  HonorProgramRecord,
  Nomination,
  Vote,
  Award,
];
