import type { SchemeDocument } from './document';

type Note = SchemeDocument['notes'][number];

/** A note in the console's language (a note HR typed in one language reads the same in both). */
export const noteIn = (note: Note, lang: 'en' | 'zh'): string => (typeof note === 'string' ? note : note[lang]);

/**
 * The notes box edits one line per note in the console's language. A line that stands where a two-language
 * note stood changes that language's side only (the other side is kept); other lines are plain notes.
 */
export const notesFromLines = (previous: readonly Note[], text: string, lang: 'en' | 'zh'): Note[] =>
  text.split('\n').map((line, i) => {
    const old = previous[i];
    return old !== undefined && typeof old !== 'string' ? { ...old, [lang]: line } : line;
  });

/** Notes as sent to the server: trimmed, blank lines (and two-language notes blank in either language) dropped. */
export const cleanNotes = (notes: readonly Note[]): Note[] =>
  notes.flatMap((n): Note[] => {
    if (typeof n === 'string') return n.trim() === '' ? [] : [n.trim()];
    const en = n.en.trim();
    const zh = n.zh.trim();
    return en === '' || zh === '' ? [] : [{ en, zh }];
  });
