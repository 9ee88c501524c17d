import { i18nProvider } from '../i18n';
import type { ApiGraphQLError, FieldDetail } from './graphqlErrors';

/**
 * The API words its messages in English (or, for the few generic ones, in the request's language); the
 * console words them itself from the error code, the broken rule and its parameters, and falls back to
 * the server's text for anything it has no words for.
 */

const translate = (key: string, options: Record<string, unknown>): string => i18nProvider.translate(key, options);

/**
 * One field problem in the console language: `{ field: 'code', rule: 'unique', params: { value: 'HQ' } }`
 * -> "HQ 已被使用". A rule worded for one field (`app.server.field_rule.email.format`) wins over the rule
 * in general (`app.server.rule.format`), which wins over the server's message.
 */
export const translateProblem = (detail: FieldDetail): string => {
  const params = { ...detail.params };
  const general = translate(`app.server.rule.${detail.rule ?? ''}`, { ...params, _: detail.message });
  return translate(`app.server.field_rule.${detail.field}.${detail.rule ?? ''}`, { ...params, _: general });
};

/** The field's label as the resource's forms show it, or the field name. */
export const fieldLabel = (field: string, resource: string | undefined): string =>
  resource ? translate(`resources.${resource}.fields.${field}`, { _: field }) : field;

/** A whole-request error (FORBIDDEN, NOT_FOUND, ...) by its code, or the server's message. */
export const translateError = (error: ApiGraphQLError): string => {
  const code = error.extensions?.code ?? '';
  return translate(`app.server.code.${code}`, { ...error.extensions?.params, _: error.message });
};
