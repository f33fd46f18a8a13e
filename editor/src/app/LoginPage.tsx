import { useState, type FormEvent } from 'react';
import { ApiCallError, createApiClient } from '../api/client';
import type { NodeTypeInfo } from '../api/types';
import { errorMessage } from './error-message';
import { ThemeToggle } from './ThemeToggle';

export interface LoginPageProps {
  /** Why the person is here again (their token stopped working). */
  notice?: string;
  /** The token worked: the node catalog loaded with it comes along, so it is fetched once. */
  onSignedIn(token: string, nodeTypes: NodeTypeInfo[]): void;
}

export function LoginPage({ notice, onSignedIn }: LoginPageProps) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const candidate = token.trim();
    if (!candidate) {
      setError('Paste the admin token first.');
      return;
    }
    setChecking(true);
    setError(undefined);
    try {
      const nodeTypes = await createApiClient(() => candidate).nodeTypes();
      onSignedIn(candidate, nodeTypes);
    } catch (failure) {
      setError(failure instanceof ApiCallError && failure.status === 401 ? `That token was not accepted: ${failure.message}.` : errorMessage(failure));
      setChecking(false);
    }
  }

  return (
    <main className="nf-login">
      <div className="nf-login__theme">
        <ThemeToggle />
      </div>
      <form className="nf-login__card" onSubmit={submit} noValidate>
        <h1>Nudgeflow</h1>
        <p className="nf-muted">Sign in with the admin token. <code>npm start</code> prints it, and keeps it in <code>.data/dev-credentials.json</code>.</p>
        {notice ? (
          <p className="nf-notice" role="status">
            {notice}
          </p>
        ) : null}
        <div className="nf-field">
          <label className="nf-label" htmlFor="nf-admin-token">
            Admin token
          </label>
          <input
            id="nf-admin-token"
            className="nf-input"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={token}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'nf-admin-token-error' : undefined}
            onChange={(event) => setToken(event.target.value)}
          />
          {error ? (
            <p id="nf-admin-token-error" className="nf-error-text" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="nf-button nf-button--primary" disabled={checking}>
          {checking ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
