/** A person's archive as the console reads it (api/src/modules/archives). */

export type ArchiveKind = 'APPRAISAL' | 'ACKNOWLEDGEMENT' | 'APPEAL' | 'LEDGER_ENTRY' | 'HONOR' | 'PROBATION' | 'POLICY_ACKNOWLEDGEMENT';

export interface ArchiveEvent {
  kind: ArchiveKind;
  date: string;
  id: string;
  title: { en: string; zh: string };
  periodKey: string | null;
  schemeVersion: number | null;
  resultNumber: number | null;
  total: string | null;
  grade: string | null;
  money: string | null;
  amount: string | null;
  unit: string | null;
  outcome: string | null;
  explanation: string[];
  inputs: { ratings?: Array<{ section: string; role: string; items: Record<string, Record<string, unknown>> }>; adjustments?: Array<{ rule: string; amount?: string | number; occurrences?: number }> } | null;
}

export interface ArchiveData {
  employee: { id: string; name: string; employeeNumber: string } | null;
  events: ArchiveEvent[];
  lastExport?: { upTo: string; exportedAt: string; events: number; fileSha256: string } | null;
}

const EVENT = 'kind date id title { en zh } periodKey schemeVersion resultNumber total grade money amount unit outcome explanation inputs';
/** HR reads the last export too; a person reads their own events only. */
export const archiveQuery = (hr: boolean) =>
  `query($id: ID!, $lang: ArchiveLanguage!) { employeeArchive(employeeId: $id, lang: $lang) { employee { id name employeeNumber } events { ${EVENT} } ${hr ? 'lastExport { upTo exportedAt events fileSha256 }' : ''} } }`;
export const EXPORT = 'mutation($id: ID!) { exportArchive(employeeId: $id) { fileName contentType contentBase64 } }';
export const RETENTION = '{ archiveRetention { years byKind version } archivePurgePlan { purge keep } }';
export const SAVE_RETENTION = 'mutation($i: ArchiveRetentionInput!, $v: Int!) { saveArchiveRetention(input: $i, version: $v) { years byKind version } }';
export const PURGE = 'mutation { purgeArchives { purge keep } }';
