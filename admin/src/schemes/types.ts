import type { RaRecord } from 'react-admin';
import type { LocalText } from './document';

/** The typed (read-only) structure of a scheme document as the API serves it. */
export interface TypedDocument {
  json?: unknown;
  code: string;
  name: LocalText;
  period: string;
  notes: LocalText[];
  sectionWeighting: string;
  finalFormula: string | null;
  sections: {
    id: string;
    name: LocalText;
    weight: string | null;
    missingRater: string;
    itemWeighting: string;
    raters: { role: string; weight: string }[];
    items: { id: string; indicatorCode: string; name: LocalText; maxPoints: string; weight: string | null; passMark: string | null; method: string }[];
  }[];
  adjustmentRules: { id: string; name: LocalText; direction: string; unit: string; min: string | null; max: string | null; perRuleCap: string | null }[];
  gradeBands: { grade: string; label: LocalText; min: string; minInclusive: boolean; max: string; maxInclusive: boolean }[];
  quotas: { grade: string; bound: string; percent: string; cumulative: boolean }[];
  payComponents: { id: string; name: LocalText; kind: string }[];
  rollups: { id: string; name: LocalText; period: string; formula: string }[];
  rounding: { places: number; mode: string; applyAt: string[] };
}

export interface SchemeVersionRecord {
  id: string;
  number: number;
  publishedAt: string;
  publishedBy?: string;
  document?: Partial<TypedDocument>;
}

export interface SchemeRecord extends RaRecord {
  code: string;
  name: string;
  nameZh: string | null;
  periodType: string;
  status: string;
  owner: string;
  templateKey: string | null;
  version: number;
  draft?: TypedDocument | null;
  latestVersion?: SchemeVersionRecord | null;
  versions?: SchemeVersionRecord[];
}

export const isTypedDocument = (value: Partial<TypedDocument> | null | undefined): value is TypedDocument =>
  value !== null && value !== undefined && Array.isArray(value.sections);
