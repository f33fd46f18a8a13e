import { describe, expect, it } from 'vitest';
import { checkScenarioText, jsonSyntaxProblem, scenarioText } from './scenario-document';

const valid = { contact: { id: 'c1', firstName: 'Jana' }, events: [{ atSeconds: 0, type: 'order.created', order: { id: 'o1' } }] };

describe('checkScenarioText', () => {
  it('keeps the document as written and gives the scenario with its defaults', () => {
    const check = checkScenarioText(scenarioText(valid));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.doc).toEqual(valid);
    expect(check.scenario.horizonSeconds).toBe(30 * 86400);
    expect(check.scenario.events[0]?.order).toEqual({ id: 'o1', items: [] });
  });

  it('names the line and column of a JSON syntax error', () => {
    const check = checkScenarioText('{\n  "contact": { "id": "c1" },\n  "events": [],\n}');
    expect(check).toEqual({ ok: false, problems: [{ path: 'line 4, column 1', message: 'Expected double-quoted property name in JSON' }] });
  });

  it("takes the line and column from a browser's message, or the position from Node's", () => {
    const text = '{\n  "a": 1,\n}';
    expect(jsonSyntaxProblem(text, 'Expected double-quoted property name in JSON at position 12 (line 3 column 1)')).toEqual({
      path: 'line 3, column 1',
      message: 'Expected double-quoted property name in JSON',
    });
    expect(jsonSyntaxProblem(text, 'Expected double-quoted property name in JSON at position 12')).toEqual({ path: 'line 3, column 1', message: 'Expected double-quoted property name in JSON' });
    expect(jsonSyntaxProblem(text, 'Unexpected end of JSON input')).toEqual({ path: '(JSON)', message: 'Unexpected end of JSON input' });
  });

  it('lists every schema problem by its JSON path', () => {
    const check = checkScenarioText(JSON.stringify({ contact: { id: 'c1' }, events: [{ atSeconds: -1, type: 'order.created' }, { atSeconds: 5, type: 'Paid!' }], extra: 1 }));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => p.path)).toEqual(['events.0.atSeconds', 'events.1.type', '(document)']);
    expect(check.problems[1]?.message).toBe('an event name looks like "order.paid": lower-case words joined by dots');
  });

  it('wants an object', () => {
    expect(checkScenarioText('[1, 2]')).toEqual({ ok: false, problems: [{ path: '(document)', message: 'the scenario is a JSON object: { "contact": …, "events": […] }' }] });
  });
});
