import { describe, expect, it } from 'vitest';
import { edge, graphOf, node, paymentReminder, registry } from '../store/test-fixtures';
import { createFlowElements } from './flow-elements';
import { NEEDS_SETUP, nodeDisplay } from './node-display';

const none = { nodeIds: [], edgeIds: [] };
const noTypes = new Map();

describe('the view derived from the graph', () => {
  it('gives xyflow one node per graph node, with its accessible name', () => {
    const { toNodes } = createFlowElements(registry);
    const nodes = toNodes(paymentReminder(), { nodeIds: ['sms'], edgeIds: [] }, noTypes);
    expect(nodes[3]).toEqual({
      id: 'sms',
      type: 'flowNode',
      position: { x: 150, y: 300 },
      data: { nodeId: 'sms' },
      selected: true,
      ariaLabel: 'Send SMS: SMS: “Hi {{ contact.firstName }}, your order {{ order…”',
      domAttributes: { 'data-node-id': 'sms' },
      // Not measured yet: xyflow culls and draws edges by the estimate (a two-line summary).
      initialWidth: 240,
      initialHeight: 91,
      handles: [
        { id: 'next', type: 'source', position: 'bottom', x: 115.5, y: 84, width: 12, height: 12 },
        { id: null, type: 'target', position: 'top', x: 115.5, y: -5, width: 12, height: 12 },
      ],
    });
    expect(nodes.map((n) => n.ariaLabel)).toEqual([
      'When an event happens: When order.created',
      'Wait for an event: Wait up to 24 h for order.paid',
      'Exit: Exit: paid',
      'Send SMS: SMS: “Hi {{ contact.firstName }}, your order {{ order…”',
      'Exit: Exit: done',
    ]);
  });

  it('reuses a node’s view while its node and selection are unchanged', () => {
    const { toNodes } = createFlowElements(registry);
    const graph = paymentReminder();
    const first = toNodes(graph, none, noTypes);
    const moved = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'sms' ? { ...n, position: { x: 1, y: 2 } } : n)) };
    const second = toNodes(moved, { nodeIds: ['paid'], edgeIds: [] }, noTypes);
    expect(second.map((n, i) => n === first[i])).toEqual([true, true, false, false, true]);
    expect(second[3]?.position).toEqual({ x: 1, y: 2 });
  });

  it('keeps views when xyflow measures nodes, and gives views built later the measured size', () => {
    const { noteSizes, toNodes } = createFlowElements(registry);
    const graph = paymentReminder();
    const first = toNodes(graph, none, noTypes);
    noteSizes([
      { type: 'dimensions', id: 'done', dimensions: { width: 240, height: 90 } },
      { type: 'dimensions', id: 'sms', dimensions: { width: 240, height: 91 } },
    ]);
    const second = toNodes(graph, { nodeIds: ['done'], edgeIds: [] }, noTypes);
    expect(second.map((n, i) => n === first[i])).toEqual([true, true, true, true, false]);
    // Measured: xyflow keeps the handle bounds it measured instead of the estimate.
    expect(second[4]).toMatchObject({ measured: { width: 240, height: 90 }, selected: true });
    expect([second[4]?.handles, second[4]?.initialHeight]).toEqual([undefined, undefined]);
    const dragged = toNodes(graph, none, noTypes, new Map([['sms', { x: 1, y: 2 }]]));
    expect(dragged[3]).toMatchObject({ measured: { width: 240, height: 91 }, position: { x: 1, y: 2 }, dragging: true });
    expect(dragged[3]?.handles).toBeUndefined();
  });

  it('labels edges that leave nodes with several outputs, and names the default output', () => {
    const { toEdges } = createFlowElements(registry);
    const edges = toEdges(paymentReminder(), { nodeIds: [], edgeIds: ['e3'] }, noTypes);
    expect(edges.map((e) => [e.id, e.sourceHandle, e.data?.label, e.selected, e.ariaLabel])).toEqual([
      ['e1', 'next', undefined, false, 'Connection from When an event happens to Wait for an event'],
      ['e2', 'event', 'Happened', false, 'Connection from Wait for an event (Happened) to Exit'],
      ['e3', 'timeout', 'Timed out', true, 'Connection from Wait for an event (Timed out) to Send SMS'],
      ['e4', 'next', undefined, false, 'Connection from Send SMS to Exit'],
    ]);
  });

  it('hands back the same edge array while only node positions change, and a new one when an edge does', () => {
    const { toEdges } = createFlowElements(registry);
    const graph = paymentReminder();
    const first = toEdges(graph, none, noTypes);
    const moved = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'sms' ? { ...n, position: { x: 1, y: 2 } } : n)) };
    expect(toEdges(moved, none, noTypes)).toBe(first);
    const selected = toEdges(moved, { nodeIds: [], edgeIds: ['e1'] }, noTypes);
    expect(selected).not.toBe(first);
    expect(selected.map((e, i) => e === first[i])).toEqual([false, true, true, true]);
  });
});

describe('nodeDisplay', () => {
  it('says "Needs setup" for a config that does not parse, and keeps the type’s outputs', () => {
    const broken = { ...node('w', 'wait.untilEvent'), config: { timeout: 42 } };
    const display = nodeDisplay(broken, registry, undefined);
    expect([display.summary, display.needsSetup, display.outputs.map((o) => o.id)]).toEqual([NEEDS_SETUP, true, ['event', 'timeout']]);
  });

  it('uses the label as the name and the catalog entry for a type the editor does not know', () => {
    const plugin = { ...node('p', 'acme.points'), label: 'Give points' };
    const info = {
      type: 'acme.points',
      title: 'Add loyalty points',
      description: '',
      category: 'action' as const,
      icon: 'star',
      color: '#f00',
      version: 1,
      outputs: [{ id: 'next', label: 'Next' }],
      defaults: {},
      configSchema: {},
    };
    const display = nodeDisplay(plugin, registry, info);
    expect([display.name, display.title, display.summary, display.outputs, display.acceptsInput]).toEqual([
      'Give points',
      'Add loyalty points',
      NEEDS_SETUP,
      [{ id: 'next', label: 'Next' }],
      true,
    ]);
    expect(nodeDisplay(node('q', 'acme.other'), registry, undefined).summary).toBe('Unknown node type');
  });

  it('gives triggers no input', () => {
    const graph = graphOf([node('t', 'trigger.date')], [edge('x', 't', 't')]);
    expect(nodeDisplay(graph.nodes[0]!, registry, undefined).acceptsInput).toBe(false);
  });
});
