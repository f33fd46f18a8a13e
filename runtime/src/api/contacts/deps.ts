import type { ApiRouteDeps } from '../routes';

export type ContactRouteDeps = Pick<ApiRouteDeps, 'sql'>;
