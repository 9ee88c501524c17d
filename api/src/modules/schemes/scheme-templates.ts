import { seedPrograms } from '@appraisal/domain';
import { fromDocumentPeriod } from './scheme-documents.js';
import type { SchemeTemplate } from './schemes.inputs.js';

/** The five seed programs as templates; copies, so nobody can change the engine's constants through them. */
export function listTemplates(): SchemeTemplate[] {
  return Object.entries(seedPrograms).map(([key, document]) => ({
    key,
    name: document.name,
    period: fromDocumentPeriod(document.period),
    document: structuredClone(document),
  }));
}
