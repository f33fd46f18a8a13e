import type { ApiRouteDeps } from '../routes';

export type TrackingRouteDeps = Pick<ApiRouteDeps, 'sql' | 'messaging' | 'onAccepted'>;
