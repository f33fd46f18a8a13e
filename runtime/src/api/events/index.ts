import { createRouter } from '../router';
import { ingestEventsHandler, ingestEventsRoute, refuseInvalidBatch, type EventRouteDeps } from './ingest-events';

export type { EventRouteDeps } from './ingest-events';

/** /api/events: ingestion from the shop (X-Api-Key). */
export function eventRoutes(deps: EventRouteDeps) {
  return createRouter().openapi(ingestEventsRoute, ingestEventsHandler(deps), (result) => refuseInvalidBatch(result));
}
