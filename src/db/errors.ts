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

/**
 * The database refused a row a statement wrote: a data exception (class 22, such as a value out of its
 * type's range) or an integrity constraint violation (class 23, such as a unique key stored before). What
 * the statement was asked to write is at fault, not the database's state.
 */
export function isRefusedRow(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && /^2[23]...$/.test(error.code);
}

/** Runs a query, raising the typed error for what the database raised. */
export async function withTypedErrors<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    throw typedDatabaseError(error);
  }
}

/**
 * SQLSTATEs of a PostgreSQL that cannot serve for now: a connection exception (class 08), a server that
 * ends connections as it stops or restarts (57P01, 57P02), one starting up or shutting down (57P03), one
 * with no connection left (53300).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;
/** How Node says a server cannot be reached, or was lost. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** How pg says a connection ended under it, or none became free in time; these carry no code. */
const LOST_CONNECTION = /^(Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

/**
 * SQLSTATEs of a statement PostgreSQL stopped: it waited longer for a lock than lock_timeout allows (55P03), or
 * ran longer than statement_timeout (or an administrator cancelled it, 57014). See StatementLimits.
 */
const STOPPED_STATES = new Set(['55P03', '57014']);

/**
 * The database stopped a statement that waited too long for a lock another connection holds, or ran too long:
 * nothing the request asked is at fault, and it may succeed once that lock is released.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && STOPPED_STATES.has(error.code);
}

/**
 * A table changed (a migration while the server runs) under a statement prepared before: PostgreSQL refuses
 * to run it once its columns differ. The statement that meets it fails; the connection is not used again.
 */
export function isStalePlan(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '0A000' && error.message.includes('cached plan must not change result type');
}

/**
 * The database cannot be reached or is stopping, starting or full, or a migration changed a table under a
 * statement prepared before: nothing the request asked is at fault, and the same request may succeed a
 * little later (on a new connection).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isStalePlan(error)) return true;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return (code !== undefined && (UNAVAILABLE_STATES.test(code) || UNREACHABLE_CODES.has(code))) || LOST_CONNECTION.test(error.message);
}
