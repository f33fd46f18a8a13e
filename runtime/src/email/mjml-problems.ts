import { renderTemplate, templateScope, type NodeRegistry, type Problem, type ValidationResult } from '@nudgeflow/shared';
import { sampleContext } from '../api/preview/sample-context';
import { mjmlToHtml, MjmlUnreadable } from './mjml-to-html';

/** Validator problems after which a template cannot be rendered; MJML is not checked then. */
const blocking = new Set<Problem['code']>(['template-syntax', 'unsupported-tag', 'missing-mjml-root']);

type MjmlIssue = Pick<Problem, 'message' | 'line'>;

const lineCount = (text: string) => text.split('\n').length;

/**
 * MJML's own problems with an email template, found by rendering it as the editor's preview does:
 * Liquid with the sample customer and order, then MJML. MJML counts lines in the text after
 * Liquid; they are the template's lines when Liquid added or removed none, otherwise the message
 * says which lines it means.
 */
async function checkMjml(source: string): Promise<MjmlIssue[]> {
  let rendered: string;
  try {
    rendered = renderTemplate(source, templateScope(sampleContext()), { markup: true });
  } catch {
    // A template that does not render: the validator reports it as a template problem.
    return [];
  }
  try {
    const { errors } = await mjmlToHtml(rendered);
    const sameLines = lineCount(source) === lineCount(rendered);
    return errors.map((e) => {
      const message = `<${e.tagName}>: ${e.message}`;
      return sameLines ? { line: e.line, message } : { message: `line ${e.line} of the email after Liquid, ${message}` };
    });
  } catch (error) {
    if (error instanceof MjmlUnreadable) return [{ message: error.message }];
    throw error;
  }
}

const cacheLimit = 500;
// Saves and reloads check the same templates again and again; the answer depends on the text only.
const cache = new Map<string, Promise<MjmlIssue[]>>();

function cachedCheck(source: string): Promise<MjmlIssue[]> {
  let issues = cache.get(source);
  if (!issues) {
    if (cache.size >= cacheLimit) cache.clear();
    issues = checkMjml(source);
    cache.set(source, issues);
    // An unexpected failure is not an answer to keep.
    issues.catch(() => cache.delete(source));
  }
  return issues;
}

/** The MJML fields of every node whose templates the validator could read. */
function mjmlFields(result: ValidationResult, registry: NodeRegistry): { nodeId: string; field: string; source: string }[] {
  const fields: { nodeId: string; field: string; source: string }[] = [];
  for (const node of result.graph?.nodes ?? []) {
    const definition = registry.get(node.type);
    const config = definition?.configSchema.safeParse(node.config);
    if (!definition?.templates || !config?.success) continue;
    let templates;
    try {
      templates = definition.templates(config.data);
    } catch {
      // The validator reports a definition that cannot list its templates.
      continue;
    }
    for (const t of templates) if (t.kind === 'mjml') fields.push({ nodeId: node.id, field: t.field, source: t.source });
  }
  return fields;
}

/**
 * The shared validator's result plus MJML's problems with every email ("invalid-mjml", with the
 * node, the field and the line): the validator runs in the browser too, where MJML cannot, so
 * the API adds these when a draft is saved or published. A sent email then has no MJML errors.
 */
export async function withMjmlProblems(result: ValidationResult, registry: NodeRegistry): Promise<ValidationResult> {
  const blocked = new Set(result.problems.filter((p) => blocking.has(p.code)).map((p) => `${p.nodeId}\u0000${p.field}`));
  const found: Problem[] = [];
  for (const { nodeId, field, source } of mjmlFields(result, registry)) {
    if (blocked.has(`${nodeId}\u0000${field}`)) continue;
    for (const issue of await cachedCheck(source)) found.push({ severity: 'error', code: 'invalid-mjml', nodeId, field, ...issue });
  }
  if (found.length === 0) return result;
  return { ...result, ok: false, problems: [...result.problems, ...found] };
}
