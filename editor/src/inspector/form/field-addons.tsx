import type { ReactNode } from 'react';
import { SmsLength } from '../sms/SmsLength';

/** Extra information under one field of one node type, beyond what its schema says. */
export function fieldAddon(nodeType: string | undefined, path: string, value: unknown): ReactNode {
  if (nodeType === 'action.sendSms' && path === 'body') return <SmsLength text={typeof value === 'string' ? value : ''} />;
  return null;
}
