import type { ApiRouteDeps } from '../routes';

export type FlowRouteDeps = Pick<ApiRouteDeps, 'sql' | 'registry' | 'plugins' | 'cancelRuns'>;
