import type { FlowActivities } from '@nudgeflow/workflows/contract';
import type { Sql } from '../db/client';
import { findEngagement } from '../db/events';
import { recentMarketingSends } from '../db/messages';
import { hasPurchased } from '../db/orders';
import { noPlugins, type LoadedPlugins } from '../plugins/loaded-plugins';
import { runCustomCheck } from '../plugins/custom-check';
import { invalidInput } from './errors';

/**
 * Fresh facts from Postgres for conditions and the frequency cap. `now` is the run's (flow)
 * time, so "within 30 days" means the same here as in the simulator.
 */
export function createLookupFacts(deps: { sql: Sql; plugins?: LoadedPlugins }): FlowActivities['lookupFacts'] {
  const plugins = deps.plugins ?? noPlugins;
  return async ({ run, query, now, nodeId, visit }) => {
    const at = new Date(now);
    switch (query.type) {
      case 'hasPurchased':
        return hasPurchased(deps.sql, {
          contactId: run.contactId,
          skus: query.skus,
          categories: query.categories,
          ...(query.withinDays !== undefined ? { withinDays: query.withinDays } : {}),
          ...(query.excludeOrderId !== undefined ? { excludeOrderId: query.excludeOrderId } : {}),
          now: at,
        });
      case 'engagement':
        return findEngagement(deps.sql, {
          contactId: run.contactId,
          flowId: run.flowId,
          nodeId: query.nodeId,
          action: query.action,
          ...(query.withinSeconds !== undefined ? { withinSeconds: query.withinSeconds } : {}),
          now: at,
        });
      case 'recentMessages':
        return { sentAt: await recentMarketingSends(deps.sql, run.contactId, new Date(at.getTime() - query.sinceSeconds * 1000), at) };
      case 'custom':
        return runCustomCheck(plugins, { run, query, now: at, ...(nodeId !== undefined ? { nodeId } : {}), ...(visit !== undefined ? { visit } : {}) });
      default: {
        const unknown: never = query;
        throw invalidInput(`unknown lookup ${JSON.stringify(unknown)}`);
      }
    }
  };
}
