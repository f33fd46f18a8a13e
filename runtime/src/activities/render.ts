import { renderTemplate, templateScope, type MessageLinks, type RenderOptions, type RunContext } from '@nudgeflow/shared';

/** A template that does not render with this run's data; the message names the config field. */
export class RenderFailure extends Error {}

/** Renders config fields for a run, as the simulator does (with the message's real links when given); throws RenderFailure naming the field. */
export function templateRenderer(ctx: RunContext, links?: MessageLinks): (field: string, source: string, options?: RenderOptions) => string {
  const scope = templateScope(ctx, links);
  return (field, source, options) => {
    try {
      return renderTemplate(source, scope, options);
    } catch (error) {
      throw new RenderFailure(`${field}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** Runs `render`; a RenderFailure becomes its message (any other error goes up). */
export function tryRender<T>(render: () => T): { ok: true; value: T } | { ok: false; reason: string } {
  try {
    return { ok: true, value: render() };
  } catch (error) {
    if (error instanceof RenderFailure) return { ok: false, reason: error.message };
    throw error;
  }
}
