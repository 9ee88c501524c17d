import { Extensions } from 'type-graphql';

/**
 * String inputs are limited by what they are for, in one place. Input fields say their purpose with
 * `@Limit('searchTerm')`; resolver arguments with `@ArgLimits({ email: 'email' })` on the method.
 * Unannotated strings get the default. The operation guard enforces these before any resolver runs.
 */
export const INPUT_LIMITS = {
  /** Free-text search (`q`, tags to filter by). */
  searchTerm: { maxLength: 200, label: 'a search term' },
  /** Names and titles of records and people. */
  name: { maxLength: 200, label: 'a name' },
  /** Names of departments, positions and indicator categories, in either language: their columns hold 100 characters. */
  orgName: { maxLength: 100, label: 'a name' },
  /** Codes, employee numbers, template keys. */
  code: { maxLength: 64, label: 'a code' },
  email: { maxLength: 254, label: 'an email address' },
  password: { maxLength: 256, label: 'a password' },
  /** Short free text: categories, references, tags, locales, file names. */
  shortText: { maxLength: 500, label: 'a short text' },
  /** Comments and reasons people write. */
  comment: { maxLength: 4_000, label: 'a comment' },
  /** Descriptions and other long text. */
  longText: { maxLength: 20_000, label: 'a long text' },
  /** Markdown documents (policy and notice bodies, per language). */
  markdown: { maxLength: 100_000, label: 'a Markdown document' },
  /** JSON documents (scheme documents, sample inputs): the length of the value as JSON. */
  document: { maxLength: 1_000_000, label: 'a document' },
  /** A whole file, base64-encoded: 10 MB of file is 13,981,016 characters. */
  base64File: { maxLength: 13_981_016, label: 'a base64-encoded file (10 MB)' },
  /** Strings nobody annotated. */
  default: { maxLength: 1_000, label: 'a text' },
  /** IDs nobody annotated (ours are UUIDs). */
  defaultId: { maxLength: 100, label: 'an id' },
  /** JSON values nobody annotated. */
  defaultJson: { maxLength: 100_000, label: 'a JSON value' },
} as const satisfies Record<string, { maxLength: number; label: string }>;

export type LimitPurpose = keyof typeof INPUT_LIMITS;

/** Items in any list argument (ids filters, tags, sort keys). */
export const MAX_LIST_ITEMS = 1_000;

/** Where the purpose is kept in the schema's extensions. */
export const LIMIT_EXTENSION = 'inputLimit';
export const ARG_LIMITS_EXTENSION = 'argLimits';

/** On an input-type or args-type field: what the string is for, e.g. `@Limit('searchTerm') q?: string`. */
export function Limit(purpose: LimitPurpose): PropertyDecorator {
  return Extensions({ [LIMIT_EXTENSION]: purpose }) as PropertyDecorator;
}

/** On a query, mutation or field resolver: the purpose of each of its string arguments by name. */
export function ArgLimits(limits: Record<string, LimitPurpose>): MethodDecorator {
  return Extensions({ [ARG_LIMITS_EXTENSION]: limits }) as MethodDecorator;
}

export function isLimitPurpose(value: unknown): value is LimitPurpose {
  return typeof value === 'string' && Object.hasOwn(INPUT_LIMITS, value);
}
