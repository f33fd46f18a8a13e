import type { Contact } from '../data/contact';
import type { FlowSettings } from '../graph/settings';
import { resolveTimeZone } from '../time/resolve-zone';
import { nextWindowOpening } from '../time/zoned';

/** When a marketing message must wait for the flow's send window: its next opening; undefined when it may go now. */
export function sendWindowDelay(settings: FlowSettings, contact: Contact, now: Date): Date | undefined {
  const window = settings.sendWindow;
  if (!window) return undefined;
  const zone = resolveTimeZone(window.timezone, contact.timezone, settings.timezone);
  const opening = nextWindowOpening(now, window, zone);
  return opening.getTime() > now.getTime() ? opening : undefined;
}
