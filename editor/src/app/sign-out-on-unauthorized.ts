import { ApiCallError, type ApiClient } from '../api/client';

/**
 * The same client, but any call the server answers with 401 (the token was changed or revoked)
 * first reports it, so the app can sign out wherever the call was made; the error still reaches the caller.
 */
export function signOutOnUnauthorized(api: ApiClient, onUnauthorized: (error: ApiCallError) => void): ApiClient {
  const guard = <T>(promise: Promise<T>): Promise<T> =>
    promise.catch((error: unknown) => {
      if (error instanceof ApiCallError && error.status === 401) onUnauthorized(error);
      throw error;
    });
  const wrapped = Object.fromEntries(
    Object.entries(api).map(([name, call]) => [name, (...args: unknown[]) => guard((call as (...a: unknown[]) => Promise<unknown>)(...args))]),
  );
  // Same keys, same signatures: each function only gained a catch.
  return wrapped as ApiClient;
}
