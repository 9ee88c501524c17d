import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from './context.js';
import { AppError, staleRecord } from './errors.js';

/** Unique constraints named by MikroORM (`<table>_<column>_unique`) mapped back to the input field people typed. */
const UNIQUE_FIELDS: Record<string, string> = {
  employee_employee_number_unique: 'employeeNumber',
  department_code_unique: 'code',
  position_code_unique: 'code',
  app_user_email_unique: 'email',
  indicator_category_code_unique: 'code',
  indicator_code_unique: 'code',
  scheme_code_unique: 'code',
  policy_code_unique: 'code',
};

/**
 * Runs a change in one transaction: the change and its audit rows are written together or not at all.
 * Races that only the database can see come back as typed errors, not as 500s.
 */
export async function inTransaction<T>(ctx: RequestContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ctx.em.transactional(work);
  } catch (error) {
    if (error instanceof OptimisticLockError)
      throw staleRecord();
    if (error instanceof UniqueConstraintViolationException) {
      const constraint = /constraint "([^"]+)"/.exec(error.message)?.[1] ?? '';
      const field = UNIQUE_FIELDS[constraint] ?? 'input';
      throw new AppError('VALIDATION_FAILED', `${field}: is already used by another record.`, [
        { field, rule: 'unique', message: 'is already used by another record' },
      ]);
    }
    throw error;
  }
}
