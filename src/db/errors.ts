/**
 * Database errors as the db layer names them. Repositories translate what PostgreSQL and PGlite raise
 * (both with the SQLSTATE in `code`), so that no other layer reads an SQLSTATE.
 */

const UNIQUE_VIOLATION = '23505';

/** A row would break a unique constraint; `constraint` names it. */
export class UniqueViolationError extends Error {
  readonly constraint: string | undefined;
  constructor(constraint: string | undefined, options?: ErrorOptions) {
    super(`unique constraint ${constraint ?? '(unnamed)'} violated`, options);
    this.name = 'UniqueViolationError';
    this.constraint = constraint;
  }
}

/** The typed error for what the database raised; anything without a typed counterpart stays as it is. */
export function typedDatabaseError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('code' in error) || error.code !== UNIQUE_VIOLATION) return error;
  const constraint = 'constraint' in error && typeof error.constraint === 'string' ? error.constraint : undefined;
  return new UniqueViolationError(constraint, { cause: error });
}

/** Runs a query, raising the typed error for what the database raised. */
export async function withTypedErrors<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    throw typedDatabaseError(error);
  }
}
