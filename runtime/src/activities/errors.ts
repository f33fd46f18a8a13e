import { INVALID_INPUT_ERROR } from '@nudgeflow/workflows/contract';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Input that can never succeed (a bad phone number, a config the node type rejects): Temporal
 * does not retry it and the run ends failed at the node, with this message as the reason.
 */
export function invalidInput(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: INVALID_INPUT_ERROR, message, nonRetryable: true });
}

// Postgres error classes that no retry can fix: the data itself is wrong.
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_DATA_EXCEPTION_CLASS = '22';

/**
 * Database errors that mean "this input can never be stored" become invalid input; everything
 * else (a lost connection, a deadlock, a server restart) stays a plain error and is retried.
 */
export function classifyDatabaseError(error: unknown): unknown {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return error;
  if (error.code === PG_FOREIGN_KEY_VIOLATION) return invalidInput(`a record it refers to is not in the database (${error.message})`);
  if (error.code.startsWith(PG_DATA_EXCEPTION_CLASS)) return invalidInput(`the database refused the data (${error.message})`);
  return error;
}
