import { isMoney, normalizeMoney } from '@appraisal/domain';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

function parseMoney(value: unknown): string {
  // Strings only: a JSON number may already have lost its cents to binary floating point.
  if (typeof value !== 'string' || !isMoney(value.trim()))
    throw new GraphQLError('Money must be a string amount such as "900.00": not negative, at most 2 decimals.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  return normalizeMoney(value.trim());
}

/** Exact money as a decimal string with 2 places; never a float. */
export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description: 'An exact amount of money as a decimal string with 2 places, e.g. "900.00". Never a binary float.',
  serialize: (value) => normalizeMoney(String(value)),
  parseValue: parseMoney,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Money literals must be strings such as "900.00".');
    return parseMoney(ast.value);
  },
});

/** A calendar date without time zone, YYYY-MM-DD. */
export const LocalDateScalar = LocalDateResolver;
