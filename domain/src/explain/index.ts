// Readable traces of every computed total, in English and Chinese.
export { explain, type ExplainLanguage } from './explain.js';
