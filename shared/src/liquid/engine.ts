import { Liquid } from 'liquidjs';

/**
 * One Liquid engine for the validator, the simulator and the channels, so a template that
 * validates is rendered the same way everywhere. Unknown filters are errors; unknown variables
 * render empty at send time (the validator reports them before publish).
 */
const options = { strictFilters: true, strictVariables: false, ownPropertyOnly: true, cache: 500 } as const;

export const liquid = new Liquid(options);

/**
 * For markup (an email's MJML): every output is HTML-escaped, so a customer named
 * `<b>Ann</b>` or `Tom & Jerry` reads as written and cannot inject markup; `| raw` opts out.
 */
export const markupLiquid = new Liquid({ ...options, outputEscape: 'escape' });

export interface RenderOptions {
  /** The template is HTML/MJML: escape what it outputs. */
  markup?: boolean;
}

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

export function renderTemplate(source: string, scope: Record<string, unknown>, options: RenderOptions = {}): string {
  try {
    return (options.markup ? markupLiquid : liquid).parseAndRenderSync(source, scope) as string;
  } catch (error) {
    const e = error as { message?: string; token?: { getPosition?: () => [number, number] } };
    const [line, column] = e.token?.getPosition?.() ?? [];
    throw new TemplateError(e.message ?? String(error), line, column);
  }
}
