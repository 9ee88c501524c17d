import englishMessages from 'ra-language-english';
import chineseMessages from 'ra-language-chinese';
import type { TranslationMessages } from 'react-admin';
import { deepMerge } from './deepMerge';
import { raSupplementZh, zh } from './zh';

/**
 * Every Chinese message of the console; a chunk of its own, loaded only for Chinese. Any react-admin key
 * the Chinese pack lacks falls back to English.
 */
export const catalog = deepMerge(englishMessages, chineseMessages, raSupplementZh, zh) as unknown as TranslationMessages;
