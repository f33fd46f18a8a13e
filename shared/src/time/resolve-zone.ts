import { isValidTimeZone } from './zoned';

/**
 * Turns a configured zone into a real one: "contact" means the contact's own zone, then the
 * flow's, then UTC. An invalid zone on a contact record falls back instead of failing the run.
 */
export function resolveTimeZone(configured: string | undefined, contactZone: string | undefined, flowZone: string | undefined): string {
  if (configured && configured !== 'contact') return configured;
  if (contactZone && isValidTimeZone(contactZone)) return contactZone;
  if (flowZone && flowZone !== 'contact' && isValidTimeZone(flowZone)) return flowZone;
  return 'UTC';
}
