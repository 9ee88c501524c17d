import type { SchemeDocument } from './document';
import { cleanNotes } from './notes';

/** What is sent to the server: the document without the blank note lines the notes box keeps while typing. */
export const cleanDocument = (doc: SchemeDocument): SchemeDocument => ({ ...doc, notes: cleanNotes(doc.notes) });
