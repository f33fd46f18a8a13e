import type { SimAction } from '@nudgeflow/shared';
import type { PreviewSample } from '../../inspector/email/preview-api';

/**
 * What each email of a run is previewed with: the scenario's contact and order, and the codes the
 * run's "Assign a code" actions had handed out before it (by pool, as `{{ codes.<pool> }}` shows
 * them), so the preview shows the licence key the message carried rather than an empty box.
 */
export function emailSamples(actions: readonly SimAction[], base: PreviewSample, poolOf: (nodeId: string) => string | undefined): Map<SimAction, PreviewSample> {
  const samples = new Map<SimAction, PreviewSample>();
  let codes: Record<string, string> = {};
  for (const action of actions) {
    const pool = action.type === 'action.assignCode' && action.status === 'done' && action.body ? poolOf(action.nodeId) : undefined;
    if (pool !== undefined && action.body) codes = { ...codes, [pool]: action.body };
    if (action.channel === 'email') samples.set(action, Object.keys(codes).length ? { ...base, codes } : base);
  }
  return samples;
}
