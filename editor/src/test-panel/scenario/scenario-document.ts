import { scenarioSchema, type Scenario } from '@nudgeflow/shared';

/** The scenario as the marketer wrote it (the CLI's EVENTS.json): kept as written, defaults left out. */
export type ScenarioDoc = Record<string, unknown>;

/** One thing wrong with the scenario JSON, at its JSON path ("events.1.atSeconds"). */
export interface ScenarioProblem {
  path: string;
  message: string;
}

export type ScenarioCheck = { ok: true; doc: ScenarioDoc; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/**
 * Where a JSON.parse error is, as a line and column: browsers say "(line 3 column 14)", Node
 * "at position 42"; a message with neither is shown as it is.
 */
export function jsonSyntaxProblem(text: string, raw: string): ScenarioProblem {
  const message = raw.replace(/\s*at position \d+/, '').replace(/\s*\(line \d+ column \d+\)/, '');
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(raw);
  if (lineColumn) return { path: `line ${lineColumn[1]}, column ${lineColumn[2]}`, message };
  const position = /at position (\d+)/.exec(raw);
  if (!position) return { path: '(JSON)', message };
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { path: `line ${line}, column ${column}`, message };
}

/** Reads the text of the "Scenario JSON" editor: the document and its checked scenario, or every problem. */
export function checkScenarioText(text: string): ScenarioCheck {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [jsonSyntaxProblem(text, error instanceof Error ? error.message : String(error))] };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, problems: [{ path: '(document)', message: 'the scenario is a JSON object: { "contact": …, "events": […] }' }] };
  }
  const parsed = scenarioSchema.safeParse(doc);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: issue.path.length ? issue.path.join('.') : '(document)', message: issue.message })) };
  }
  return { ok: true, doc: doc as ScenarioDoc, scenario: parsed.data };
}

/** The document as the editor shows it: two-space JSON, the CLI's file format. */
export function scenarioText(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
