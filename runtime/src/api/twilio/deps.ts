import type { ApiRouteDeps } from '../routes';

export type TwilioRouteDeps = Pick<ApiRouteDeps, 'sql' | 'messaging' | 'twilio'>;
