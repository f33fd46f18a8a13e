/*
 * GET requests started before the app's code has been evaluated (see app/start-early-requests):
 * the node catalog and the flow of the page the URL names are then fetched while the bundle is
 * still being evaluated, instead of one after the other once React has rendered. The API client
 * takes each response at most once, and only for the token it was made with.
 */

interface EarlyRequest {
  token: string;
  response: Promise<Response>;
}

const started = new Map<string, EarlyRequest>();

export function startEarly(path: string, token: string): void {
  const response = fetch(path, { headers: { authorization: `Bearer ${token}` } });
  // A failure is reported by whoever takes the response; one nobody takes must not be an unhandled rejection.
  response.catch(() => undefined);
  started.set(path, { token, response });
}

export function takeEarly(path: string, token: string | undefined): Promise<Response> | undefined {
  const request = started.get(path);
  if (!request) return undefined;
  started.delete(path);
  return request.token === token ? request.response : undefined;
}

/** The requests were for the page opened first: once the person goes elsewhere they are stale. */
export function forgetEarly(): void {
  started.clear();
}
