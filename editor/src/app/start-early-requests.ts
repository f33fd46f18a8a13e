import { apiPaths } from '../api/client';
import { forgetEarly, startEarly } from '../api/early-requests';
import { savedToken } from './auth-token';
import { parseRoute } from './hash-route';

/*
 * Imported first by main.tsx, for its effect: with a saved token, the requests the opening page
 * will make start now, while the rest of the bundle (React, xyflow, the node registry) is still
 * being evaluated.
 */
const token = savedToken();
if (token) {
  startEarly(apiPaths.nodeTypes, token);
  const route = parseRoute(window.location.hash);
  if (route.page === 'editor') startEarly(apiPaths.flow(route.flowId), token);
  else if (route.page === 'flows') startEarly(apiPaths.flows, token);
  window.addEventListener('hashchange', forgetEarly, { once: true });
}
