import { randomBytes } from 'node:crypto';

/** A short random id for rows the runtime creates itself: "ct_4fQx…" (contact), "flow_…", "msg_…". */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
