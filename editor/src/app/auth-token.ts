/** The admin token, kept in localStorage so a reload stays signed in. */
const storageKey = 'nudgeflow.adminToken';

export function savedToken(): string | undefined {
  return localStorage.getItem(storageKey) ?? undefined;
}

export function saveToken(token: string): void {
  localStorage.setItem(storageKey, token);
}

export function forgetToken(): void {
  localStorage.removeItem(storageKey);
}
