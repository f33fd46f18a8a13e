import mjml2html from 'mjml';

export interface MjmlError {
  /** 1-based line in the MJML given. */
  line: number;
  tagName: string;
  message: string;
}

/** The MJML cannot be read at all (not even leniently). */
export class MjmlUnreadable extends Error {}

/**
 * MJML to HTML as every email is rendered (sends, "view in browser", publish checks). Soft
 * validation: problems come back with their lines and the HTML is rendered anyway; publishing
 * refuses them, so a sent email has none. No includes (they would read files on the server) and
 * no automatic web fonts (MJML would link Google Fonts for its default font, a third-party call
 * in every email); an explicit <mj-font> still works.
 */
export async function mjmlToHtml(mjml: string): Promise<{ html: string; errors: MjmlError[] }> {
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await mjml2html(mjml, { validationLevel: 'soft', ignoreIncludes: true, keepComments: false, fonts: {} });
  } catch (error) {
    throw new MjmlUnreadable(`the email could not be read as MJML: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { html: result.html, errors: result.errors.map((e) => ({ line: e.line, tagName: e.tagName, message: e.message })) };
}
