import type { CapAnswer, CapQuery } from '../interpreter/types';
import type { FactAnswer, FactQuery } from '../nodes/types';
import { formatOffset } from '../time/duration';
import type { SimWorld } from './sim-world';

function hasPurchased(query: Extract<FactQuery, { type: 'hasPurchased' }>, world: SimWorld, now: number): FactAnswer {
  const anything = query.skus.length === 0 && query.categories.length === 0;
  const since = query.withinDays === undefined ? -Infinity : now - query.withinDays * 86400;
  const found = world
    .purchasesUntil(now)
    .find(
      (p) =>
        p.atSeconds >= since &&
        p.orderId !== query.excludeOrderId &&
        (anything || p.items.some((i) => query.skus.includes(i.sku) || (i.category !== undefined && query.categories.includes(i.category)))),
    );
  return found ? { matched: true, detail: found.label } : { matched: false };
}

/** An open or click counts when the scripted event names the message's node and comes after it was sent. */
function engagement(query: Extract<FactQuery, { type: 'engagement' }>, world: SimWorld, now: number): FactAnswer {
  const type = `email.${query.action}`;
  const sends = world.sent.filter((s) => s.nodeId === query.nodeId);
  const within = query.withinSeconds ?? Infinity;
  const hit = world
    .eventsUntil(type, now)
    .find((e) => e.event.data?.nodeId === query.nodeId && sends.some((s) => e.atSeconds >= s.atSeconds && e.atSeconds <= s.atSeconds + within));
  return hit ? { matched: true, detail: `${type} at ${formatOffset(hit.atSeconds)}` } : { matched: false };
}

/** A plugin's code never runs in a simulation: the scenario's `checks` answer for it, or "no". */
function custom(query: Extract<FactQuery, { type: 'custom' }>, world: SimWorld, nodeId: string): FactAnswer {
  const scripted = world.scriptedCheck(nodeId);
  if (scripted === undefined)
    return { matched: false, detail: `${query.nodeType} is not run in a simulation, so the answer is "no"; script it in the scenario's checks ("${nodeId}": true)` };
  if (typeof scripted === 'boolean') return { matched: scripted, detail: 'as scripted in the scenario' };
  return { matched: scripted !== 'no', output: scripted, detail: 'as scripted in the scenario' };
}

/** Answers a lookup of `nodeId` from the scenario and from what the simulation itself has done so far. */
export function answerLookup(query: FactQuery | CapQuery, world: SimWorld, now: number, nodeId: string): FactAnswer | CapAnswer {
  switch (query.type) {
    case 'hasPurchased':
      return hasPurchased(query, world, now);
    case 'engagement':
      return engagement(query, world, now);
    case 'recentMessages':
      return {
        sentAt: world.sent.filter((s) => s.marketing && s.atSeconds > now - query.sinceSeconds && s.atSeconds <= now).map((s) => world.iso(s.atSeconds)),
      };
    case 'custom':
      return custom(query, world, nodeId);
    default: {
      const unknown: never = query;
      return { matched: false, detail: `unknown check ${(unknown as { type: string }).type}` };
    }
  }
}
