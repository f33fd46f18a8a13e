/** Failures other than an outage are tried this many times, then the event is abandoned. */
export const GIVE_UP_AFTER_ATTEMPTS = 10;

/** gRPC status codes: UNAVAILABLE, DEADLINE_EXCEEDED (our own deadline ran out), RESOURCE_EXHAUSTED. */
const GRPC_UNREACHABLE = new Set([14, 4, 8]);
/** postgres.js and Node socket codes for a database that went away. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

function unreachableCode(code: unknown): boolean {
  if (typeof code === 'number') return GRPC_UNREACHABLE.has(code);
  if (typeof code !== 'string') return false;
  // SQLSTATE 08 connection exception, 57P0x shutdown, 53 out of resources.
  return SOCKET_CODES.has(code) || /^(08|57P0|53)/.test(code);
}

/** Temporal or Postgres did not answer (down, restarting, overloaded): the event waits, however long. */
export function isOutage(error: unknown): boolean {
  // The Temporal client wraps the gRPC error, which has the code, as the cause of its own.
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (unreachableCode((e as { code?: unknown }).code)) return true;
  }
  return false;
}

/**
 * Whether to abandon an event after a failed dispatch. Never during an outage (events are not
 * lost to one); other failures (a bug, a broken plugin) are retried with backoff and then
 * abandoned, kept with their error, so that one bad event does not hold back the contact's later
 * events forever.
 */
export function shouldGiveUp(attempts: number, error: unknown): boolean {
  return attempts >= GIVE_UP_AFTER_ATTEMPTS && !isOutage(error);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
