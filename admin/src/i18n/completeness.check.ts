/**
 * Proof that the key-completeness check bites: every Chinese message module is typed from its English one
 * (`Widen<typeof en…>`), so a key missing in Chinese, or one English does not have, fails `tsc`. Type-only;
 * nothing imports this file.
 */
import type { AppMessages, Widen } from './en';
import type { enHonors } from './en.honors';

type Honors = Widen<typeof enHonors>;

// @ts-expect-error a Chinese module without the English keys does not compile
export const missingKey: Honors = { app: { menu: {}, entry: {} } };

export const extraKey = (complete: Honors): Honors => ({
  // @ts-expect-error nor does one with a key English does not have
  app: { ...complete.app, menu: { ...complete.app.menu, unknown: '未知' } },
});

// The whole catalog (zh.ts) is checked against the whole English one the same way.
export type Catalog = AppMessages;
