import type { ApiRouteDeps } from '../routes';

export type TestRunRouteDeps = Pick<ApiRouteDeps, 'sql' | 'registry' | 'plugins' | 'messaging' | 'testRuns'> & {
  /** The real clock unless a test sets one (the horizon of live runs is checked against it). */
  now?: () => Date;
};
