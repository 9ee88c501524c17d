// Readable traces of every computed total, in English and Chinese.
export { explain, explainPayBasis, type ExplainLanguage } from './explain.js';
