import { describe, expect, it } from 'vitest';
import { placesOf, reminder } from './test-graph';
import { validate } from './validate';

describe('validate: the document', () => {
  it('accepts a valid flow and returns it parsed, defaults applied', () => {
    const result = validate(reminder());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.graph?.settings).toEqual({ reentry: 'once', runPer: 'contact', exitOn: [], timezone: 'UTC' });
    expect(result.graph?.nodes.map((n) => n.id)).toEqual(['t', 'c', 'w', 's', 'x']);
  });

  it('leaves its input untouched', () => {
    const freeze = <T>(value: T): T => {
      if (value && typeof value === 'object') for (const child of Object.values(value)) freeze(child);
      return Object.freeze(value);
    };
    const broken = reminder({ settings: { timezone: 'Nowhere' } });
    expect(validate(freeze(reminder())).ok).toBe(true);
    expect(placesOf(validate(freeze(broken)).problems)).toEqual([{ severity: 'error', code: 'invalid-settings', field: 'settings.timezone' }]);
  });

  it.each([[null], [[]], ['flow'], [3]])('rejects %j as not a flow', (input) => {
    const result = validate(input);
    expect(result.ok).toBe(false);
    expect(placesOf(result.problems)).toEqual([{ severity: 'error', code: 'invalid-document' }]);
    expect(result.graph).toBeUndefined();
  });

  it('names a wrong schemaVersion', () => {
    const result = validate({ ...reminder(), schemaVersion: 2 });
    expect(result.problems).toEqual([
      { severity: 'error', code: 'schema-version', field: 'schemaVersion', message: 'schemaVersion must be 1; this file says 2' },
    ]);
    expect(result.graph).toBeUndefined();
  });

  it('names a missing schemaVersion', () => {
    const { schemaVersion: _dropped, ...rest } = reminder();
    expect(validate(rest).problems).toEqual([
      { severity: 'error', code: 'schema-version', field: 'schemaVersion', message: 'schemaVersion is missing; it must be 1' },
    ]);
  });

  it('reports a missing name in plain words', () => {
    const { name: _dropped, ...rest } = reminder();
    expect(validate(rest).problems).toEqual([{ severity: 'error', code: 'invalid-document', field: 'name', message: 'a value is required' }]);
  });

  it('reports a missing list of nodes on the document', () => {
    const { nodes: _dropped, ...rest } = reminder();
    expect(placesOf(validate({ ...rest, edges: [] }).problems)).toEqual([
      { severity: 'error', code: 'invalid-document', field: 'nodes' },
      { severity: 'error', code: 'no-trigger' },
    ]);
  });

  it('places a node shape problem on the node, and still checks the other nodes', () => {
    const graph = reminder();
    const { position: _dropped, ...shapeless } = graph.nodes[1]!;
    const sms = { ...graph.nodes[3]!, config: { body: 'Hi {{ contact.frstName }}' } };
    const result = validate({ ...graph, nodes: [graph.nodes[0], shapeless, graph.nodes[2], sms, graph.nodes[4]] });
    expect(placesOf(result.problems)).toEqual([
      { severity: 'error', code: 'invalid-node', nodeId: 'c', field: 'position' },
      { severity: 'error', code: 'unknown-variable', nodeId: 's', field: 'body', line: 1, column: 7 },
    ]);
    expect(result.problems[0]?.message).toBe('a value is required');
    expect(result.graph).toBeUndefined();
  });

  it('gives the full path when the broken node has no id', () => {
    const graph = reminder();
    const { id: _dropped, ...anonymous } = graph.nodes[4]!;
    const result = validate({ ...graph, nodes: [...graph.nodes.slice(0, 4), anonymous], edges: graph.edges.slice(0, 3) });
    expect(placesOf(result.problems)).toEqual([{ severity: 'error', code: 'invalid-node', field: 'nodes.4.id' }]);
  });

  it('does not check a config it cannot read', () => {
    const graph = reminder();
    const nodes = graph.nodes.map((n) => (n.id === 's' ? { ...n, config: 'Hi there' } : n));
    expect(placesOf(validate({ ...graph, nodes }).problems)).toEqual([{ severity: 'error', code: 'invalid-node', nodeId: 's', field: 'config' }]);
  });

  it('places an edge shape problem on the edge', () => {
    const graph = reminder();
    const edges = graph.edges.map((e) => (e.id === 'e1' ? { ...e, sourceHandle: 5 } : e));
    const result = validate({ ...graph, edges });
    expect(result.problems).toEqual([{ severity: 'error', code: 'invalid-edge', edgeId: 'e1', field: 'sourceHandle', message: 'must be text, not 5' }]);
  });

  it('reports an invalid edge id on that edge', () => {
    const graph = reminder();
    const edges = graph.edges.map((e) => (e.id === 'e2' ? { ...e, id: 'e 2' } : e));
    expect(placesOf(validate({ ...graph, edges }).problems)).toEqual([{ severity: 'error', code: 'invalid-edge', edgeId: 'e 2', field: 'id' }]);
  });

  it('reports settings problems with their graph path', () => {
    const result = validate(reminder({ settings: { timezone: 'Mars/Olympus', sendWindow: { from: '08.00', to: '18:00' } } }));
    expect(placesOf(result.problems)).toEqual([
      { severity: 'error', code: 'invalid-settings', field: 'settings.sendWindow.from' },
      { severity: 'error', code: 'invalid-settings', field: 'settings.timezone' },
    ]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'a time looks like "09:00" (24-hour clock)',
      '"Mars/Olympus" is not a known time zone; use an IANA name such as "Europe/Prague", or "contact"',
    ]);
  });

  it('reports every problem at once, across the document, nodes, edges and graph', () => {
    const graph = reminder({ schemaVersion: 3 as 1 });
    const nodes = graph.nodes.map((n) => {
      if (n.id === 'w') return { ...n, config: { event: 'order.paid', timeout: '24 hours' } };
      if (n.id === 's') return { ...n, type: 'action.sendSMS' };
      return n;
    });
    const edges = [...graph.edges, { id: 'e9', source: 'c', sourceHandle: 'maybe', target: 'x' }];
    expect(placesOf(validate({ ...graph, nodes, edges }).problems)).toEqual([
      { severity: 'error', code: 'schema-version', field: 'schemaVersion' },
      { severity: 'error', code: 'invalid-config', nodeId: 'w', field: 'timeout' },
      { severity: 'error', code: 'unknown-type', nodeId: 's' },
      { severity: 'error', code: 'unknown-output', nodeId: 'c', edgeId: 'e9', field: 'sourceHandle' },
    ]);
  });
});
