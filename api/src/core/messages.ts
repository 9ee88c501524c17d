import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

/**
 * The few messages the API words itself for any client (the console translates field problems by
 * `rule` and `params`; these are the whole-request ones). English is the API's language; Chinese is
 * sent to clients that ask for it with `Accept-Language: zh`.
 */
export const MESSAGES = {
  en: {
    unauthenticated: 'Sign in to use this API.',
    forbidden: 'You are not allowed to access {what}.',
    not_found: '{type} {id} does not exist.',
    conflict: '{type} {id} was changed by someone else since you read it; reload and try again.',
    stale_record: 'The record was changed by someone else since you read it; reload and try again.',
    validation: 'Invalid input: {summary}',
    token_invalid: 'This service token is not valid.',
    token_expired: 'This service token has expired; ask its administrator for a new one.',
    token_revoked: 'This service token was revoked.',
    read_only_token: 'Service tokens only read: mutations are refused.',
    rate_limited: 'Too many requests or too costly queries for this token; retry in {retryAfterMs} ms.',
    timeout: 'The request took too long and was stopped; ask for fewer rows or fields.',
    bad_id: 'An id or value has the wrong format (ids are UUIDs).',
    input_too_long: '{field}({argument}): too long for {label}: at most {max} characters, got {actual}.',
    input_nul: '{field}({argument}): must not contain the NUL character (\\u0000).',
    input_too_many: '{field}({argument}): at most {max} items.',
  },
  zh: {
    unauthenticated: '请先登录。',
    forbidden: '您无权访问{what}。',
    not_found: '{type} {id} 不存在。',
    conflict: '{type} {id} 在您读取后已被他人修改，请重新加载后再试。',
    stale_record: '该记录在您读取后已被他人修改，请重新加载后再试。',
    validation: '输入无效：{summary}',
    token_invalid: '该服务令牌无效。',
    token_expired: '该服务令牌已过期，请向管理员申请新令牌。',
    token_revoked: '该服务令牌已被吊销。',
    read_only_token: '服务令牌只能读取数据，不能执行修改操作。',
    rate_limited: '该令牌的请求次数或查询成本超出限额，请在 {retryAfterMs} 毫秒后重试。',
    timeout: '请求耗时过长，已被中止；请减少行数或字段后重试。',
    bad_id: '编号或取值格式不正确（编号应为 UUID）。',
    input_too_long: '{field}({argument})：内容过长，最多 {max} 个字符，实际 {actual} 个。',
    input_nul: '{field}({argument})：不能包含 NUL 字符（\\u0000）。',
    input_too_many: '{field}({argument})：最多 {max} 项。',
  },
} as const;

export type MessageKey = keyof (typeof MESSAGES)['en'];
export type MessageParams = Readonly<Record<string, string | number | boolean>>;
export type Locale = keyof typeof MESSAGES;

const requestLocale = new AsyncLocalStorage<Locale>();

/** `localeOf('zh-CN,zh;q=0.9,en;q=0.8')` -> 'zh': the first language of the header the API speaks. */
export function localeOf(acceptLanguage: string | undefined): Locale {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Remembers the request's language for the messages rendered while it is handled. */
export const withRequestLocale = (): RequestHandler => (req, _res, next) => {
  requestLocale.run(localeOf(req.headers['accept-language']), next);
};

/** `renderMessage('not_found', { type: 'Employee', id: 'e1' })` -> 'Employee e1 does not exist.' in the request's language. */
export function renderMessage(key: MessageKey, params: MessageParams = {}, locale: Locale = requestLocale.getStore() ?? 'en'): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
