import type { ApiRouteDeps } from '../routes';

export type RunRouteDeps = Pick<ApiRouteDeps, 'sql' | 'cancelRun'>;
