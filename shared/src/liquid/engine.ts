import { Liquid } from 'liquidjs';

/**
 * One Liquid engine for the validator, the simulator and the channels, so a template that
 * validates is rendered the same way everywhere. Unknown filters are errors; unknown variables
 * render empty at send time (the validator reports them before publish).
 */
export const liquid = new Liquid({
  strictFilters: true,
  strictVariables: false,
  ownPropertyOnly: true,
  cache: 500,
});

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

export function renderTemplate(source: string, scope: Record<string, unknown>): string {
  try {
    return liquid.parseAndRenderSync(source, scope) as string;
  } catch (error) {
    const e = error as { message?: string; token?: { getPosition?: () => [number, number] } };
    const [line, column] = e.token?.getPosition?.() ?? [];
    throw new TemplateError(e.message ?? String(error), line, column);
  }
}
