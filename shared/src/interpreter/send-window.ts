import type { Contact } from '../data/contact';
import type { FlowSettings, SendWindow } from '../graph/settings';
import type { MessageTraits } from '../nodes/types';
import { resolveTimeZone } from '../time/resolve-zone';
import { nextWindowOpening } from '../time/zoned';

/**
 * The window a message waits for: the node's own (even for a transactional message), none when
 * the node says "any time", else the flow's for marketing messages. A node without a choice of
 * its own gets exactly what it got before nodes could choose, so recorded runs replay unchanged.
 */
export function messageWindow(settings: FlowSettings, message: MessageTraits): SendWindow | undefined {
  if (message.sendWindow === 'anyTime') return undefined;
  if (message.sendWindow) return message.sendWindow;
  return message.marketing ? settings.sendWindow : undefined;
}

/** When a message must wait for `window` (messageWindow's answer): its next opening; undefined when it may go now. */
export function sendWindowDelay(window: SendWindow | undefined, settings: FlowSettings, contact: Contact, now: Date): Date | undefined {
  if (!window) return undefined;
  const zone = resolveTimeZone(window.timezone, contact.timezone, settings.timezone);
  const opening = nextWindowOpening(now, window, zone);
  return opening.getTime() > now.getTime() ? opening : undefined;
}
