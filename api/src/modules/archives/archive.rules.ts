import { archiveAccess } from '@appraisal/domain';
import { anyRole, type FieldGuardTree, guardsFromAccess, mergeGuards, signedIn, typeGuards } from '../../core/access.js';
import { fields, hasAnyRole, isAuthenticated, type IRule } from '../../core/shield-rules.js';

/** Shield rules of archives: a person reads their own (checked by the service), HR anyone's and manages retention. */
export const archiveRules: Record<string, Record<string, IRule>> = {
  Query: {
    employeeArchive: isAuthenticated,
    ...fields(['archiveRetention', 'archivePurgePlan'], hasAnyRole('HR')),
  },
  Mutation: fields(['saveArchiveRetention', 'exportArchive', 'purgeArchives'], hasAnyRole('HR')),
};

const hrOnly = anyRole('HR');

export const archiveGuards: FieldGuardTree = mergeGuards(
  guardsFromAccess(archiveAccess, { what: 'archive' }),
  // Events are read through the archive's guarded `events` field (HR or the person themself).
  typeGuards(
    'ArchiveEvent',
    ['kind', 'date', 'id', 'title', 'periodKey', 'schemeVersionId', 'schemeVersion', 'resultNumber', 'total', 'grade', 'money', 'amount', 'unit', 'outcome', 'relatedId', 'explanation', 'inputs'],
    signedIn,
  ),
  typeGuards('ArchiveExportRecord', ['id', 'upTo', 'fileSha256', 'events', 'exportedAt'], hrOnly),
  typeGuards('ArchiveRetention', ['years', 'byKind', 'version'], hrOnly),
  typeGuards('ArchivePurgePlan', ['purge', 'keep'], hrOnly),
);
