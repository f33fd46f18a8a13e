/** The message of anything thrown: an ApiCallError's is the server's own. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
