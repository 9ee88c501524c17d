import type { SchemeDocument } from './document';

/** What is sent to the server: the document without the blank note lines the notes box keeps while typing. */
export const cleanDocument = (doc: SchemeDocument): SchemeDocument => ({ ...doc, notes: doc.notes.map((n) => n.trim()).filter((n) => n !== '') });
