import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { deepMerge } from './deepMerge';
import { en } from './en';

/** Every English message of the console over react-admin's own; a chunk of its own, loaded only for English. */
export const catalog = deepMerge(englishMessages, en) as unknown as TranslationMessages;
