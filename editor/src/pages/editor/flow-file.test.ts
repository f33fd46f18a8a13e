import { templates } from '@nudgeflow/shared/templates';
import { describe, expect, it } from 'vitest';
import { flowFileName, flowFileText, parseFlowFile, pathText } from './flow-file';

const cart = templates.find((t) => t.slug === 'abandoned-cart')?.graph;
if (!cart) throw new Error('the abandoned-cart template is missing');

describe('parseFlowFile', () => {
  it('reads a flow in the CLI format, defaults applied', () => {
    const { settings: _settings, ...withoutSettings } = cart;
    const result = parseFlowFile(JSON.stringify(withoutSettings), 'cart.json');
    expect(result).toEqual({ ok: true, graph: { ...cart, settings: { reentry: 'once', runPer: 'contact', exitOn: [], timezone: 'UTC' } } });
  });

  it('round-trips what Export writes', () => {
    expect(parseFlowFile(flowFileText(cart), 'cart.json')).toEqual({ ok: true, graph: cart });
  });

  it('keeps a draft with gaps: only the shape must be right', () => {
    const draft = { schemaVersion: 1, name: 'Half done', nodes: [{ id: 'sms', type: 'action.sendSms', position: { x: 0, y: 0 } }], edges: [] };
    const result = parseFlowFile(JSON.stringify(draft), 'draft.json');
    expect(result.ok).toBe(true);
  });

  it('names the line of a JSON syntax error', () => {
    expect(parseFlowFile('{\n  "name": "x",\n  oops\n}', 'broken.json')).toEqual({
      ok: false,
      message: 'broken.json is not valid JSON (line 3, column 3): expected a quoted property name, found "o"',
      details: [],
    });
  });

  it('names the node and field of a shape error', () => {
    const bad = { schemaVersion: 1, name: 'x', nodes: [{ id: 'a', type: 'trigger.event', position: { x: 'left', y: 0 } }], edges: [] };
    expect(parseFlowFile(JSON.stringify(bad), 'bad.json')).toEqual({
      ok: false,
      message: 'bad.json is not a Nudgeflow flow; nothing was changed.',
      details: ['node a › position.x: must be a number, not the text "left"'],
    });
  });

  it('rejects JSON that is not a flow at all', () => {
    const result = parseFlowFile('[1, 2]', 'list.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.details.length).toBeGreaterThan(0);
  });
});

describe('pathText', () => {
  it('writes list positions in brackets', () => {
    expect(pathText(['nodes', 2, 'position', 'x'])).toBe('nodes[2].position.x');
    expect(pathText([])).toBe('');
  });
});

describe('flowFileText and flowFileName', () => {
  it('pretty-prints the graph as stored', () => {
    const graph = { schemaVersion: 1 as const, name: 'A', settings: cart.settings, nodes: [], edges: [] };
    expect(flowFileText(graph)).toBe(`${JSON.stringify(graph, null, 2)}\n`);
  });

  it('names the file after the flow', () => {
    expect(flowFileName('E-book reminder')).toBe('E-book reminder.json');
    expect(flowFileName('Cart: email / SMS?')).toBe('Cart- email - SMS-.json');
    expect(flowFileName('  ')).toBe('flow.json');
  });
});
