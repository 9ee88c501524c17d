declare module 'ra-language-chinese' {
  import type { TranslationMessages } from 'react-admin';
  const messages: Partial<TranslationMessages>;
  export default messages;
}
