import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinRegistry } from '../nodes/index';
import { defineNode, NEXT } from '../nodes/types';
import { durationHint } from '../time/duration';
import { graphOf, placesOf, reminderEdges, reminderNodes, reminderWith, type NodeSpec } from './test-graph';
import { validate } from './validate';

/** A plugin type at version 2: its config field "text" was renamed to "body". */
const renamed = defineNode({
  type: 'acme.note',
  title: 'Note',
  description: 'Test type with a config migration.',
  category: 'action',
  icon: 'tag',
  color: '#16a34a',
  version: 2,
  configSchema: z.object({ body: z.string().min(1) }),
  defaults: { body: 'hi' },
  outputs: () => [NEXT],
  summary: (c) => c.body,
  migrations: [
    {
      to: 2,
      up: ({ text, ...rest }) => ({ ...rest, body: text }),
      down: ({ body, ...rest }) => ({ ...rest, text: body }),
    },
  ],
  behavior: { kind: 'effect' },
});

const broken = defineNode({
  type: 'acme.broken',
  title: 'Broken',
  description: 'Test type whose check throws.',
  category: 'action',
  icon: 'tag',
  color: '#16a34a',
  version: 1,
  configSchema: z.object({}),
  defaults: {},
  outputs: () => [NEXT],
  summary: () => 'broken',
  check: () => {
    throw new Error('boom');
  },
  behavior: { kind: 'effect' },
});

const registry = builtinRegistry.extend([renamed, broken]);

function withSms(node: NodeSpec): NodeSpec[] {
  return reminderNodes.map((n) => (n[0] === 's' ? node : n));
}

describe('validate: each node', () => {
  it('names an unknown type and suggests a close one', () => {
    const result = validate(reminderWith('s', { type: 'action.sendSMS' }));
    expect(result.problems).toEqual([{ severity: 'error', code: 'unknown-type', nodeId: 's', message: 'there is no node type "action.sendSMS" (did you mean action.sendSms?)' }]);
    expect(result.ok).toBe(false);
    expect(result.graph?.nodes.find((n) => n.id === 's')?.type).toBe('action.sendSMS');
  });

  it('names an unknown type without a guess when nothing is close', () => {
    expect(validate(reminderWith('s', { type: 'acme.points' })).problems).toEqual([
      { severity: 'error', code: 'unknown-type', nodeId: 's', message: 'there is no node type "acme.points"' },
    ]);
  });

  it('reports a config written for a newer version of the type', () => {
    const graph = reminderWith('s', {});
    const nodes = graph.nodes.map((n) => (n.id === 's' ? { ...n, version: 2 } : n));
    const result = validate({ ...graph, nodes });
    expect(placesOf(result.problems)).toEqual([{ severity: 'error', code: 'version-too-new', nodeId: 's' }]);
    expect(result.problems[0]?.message).toContain('version 2 of action.sendSms, but this server knows only up to version 1');
  });

  it('migrates an old config before checking it', () => {
    const graph = graphOf(withSms(['s', 'acme.note', { text: 'Call us' }]), reminderEdges);
    expect(validate(graph, registry).problems).toEqual([]);
    const current = { ...graph, nodes: graph.nodes.map((n) => (n.id === 's' ? { ...n, version: 2 } : n)) };
    expect(placesOf(validate(current, registry).problems)).toEqual([{ severity: 'error', code: 'invalid-config', nodeId: 's', field: 'body' }]);
  });

  it('reports a config problem at its field, with the schema’s own message', () => {
    const result = validate(reminderWith('w', { config: { event: 'order.paid', timeout: '24 hours' } }));
    expect(result.problems).toEqual([{ severity: 'error', code: 'invalid-config', nodeId: 'w', field: 'timeout', message: durationHint('24 hours') }]);
  });

  it('reports every config problem of a node', () => {
    const result = validate(reminderWith('s', { config: { body: '', transactional: 'yes' } }));
    expect(result.problems).toEqual([
      { severity: 'error', code: 'invalid-config', nodeId: 's', field: 'body', message: 'the message is empty' },
      { severity: 'error', code: 'invalid-config', nodeId: 's', field: 'transactional', message: 'must be true or false, not the text "yes"' },
    ]);
  });

  it('reports the type’s own checks at their field', () => {
    const result = validate(reminderWith('c', { config: { rules: [{ field: 'order.total', op: 'gt' }] } }));
    expect(result.problems).toEqual([{ severity: 'error', code: 'config-check', nodeId: 'c', field: 'rules.0.value', message: 'operator "gt" needs a value' }]);
  });

  it('turns a node type that throws into a problem', () => {
    const graph = graphOf(withSms(['s', 'acme.broken']), reminderEdges);
    expect(validate(graph, registry).problems).toEqual([
      { severity: 'error', code: 'definition-error', nodeId: 's', message: 'acme.broken failed while checking its config: boom' },
    ]);
  });

  it('checks templates: unknown variables with a suggestion, at their line and column', () => {
    const result = validate(reminderWith('s', { config: { body: 'Hi {{ contact.firstName }},\n  order {{ order.numbr }} is unpaid' } }));
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'unknown-variable',
        nodeId: 's',
        field: 'body',
        line: 2,
        column: 12,
        message: 'unknown variable "order.numbr" (did you mean order.number?)',
      },
    ]);
  });

  it('checks templates: syntax errors and unknown filters', () => {
    const syntax = validate(reminderWith('s', { config: { body: 'Hi\n{% if contact.firstName %}there' } }));
    expect(syntax.problems).toEqual([
      { severity: 'error', code: 'template-syntax', nodeId: 's', field: 'body', line: 2, column: 1, message: '{% if contact.firstName %} is never closed: add {% endif %}' },
    ]);
    const filter = validate(reminderWith('s', { config: { body: 'Hi {{ contact.firstName | upcse }}' } }));
    expect(placesOf(filter.problems)).toEqual([{ severity: 'error', code: 'unknown-filter', nodeId: 's', field: 'body', line: 1, column: 27 }]);
  });

  it('checks the MJML of an email', () => {
    const email = { subject: 'Hello {{ contact.firstName }}', mjml: '<mj-text>Hi</mj-text>', transactional: true };
    const result = validate(reminderWith('s', { type: 'action.sendEmail', config: email }));
    expect(placesOf(result.problems)).toEqual([{ severity: 'error', code: 'missing-mjml-root', nodeId: 's', field: 'mjml', line: 1, column: 1 }]);
  });

  describe('references to other nodes', () => {
    const nodes = (nodeId: string): NodeSpec[] => [...reminderNodes, ['g', 'condition.engagement', { nodeId, action: 'clicked' }]];
    const edges = [...reminderEdges, 's->g'];

    it('accepts a reference to a node of an allowed type', () => {
      expect(validate(graphOf(nodes('s'), edges)).problems).toEqual([]);
    });

    it('reports a reference to a node that is not in the flow', () => {
      expect(validate(graphOf(nodes('email1'), edges)).problems).toEqual([
        { severity: 'error', code: 'invalid-node-ref', nodeId: 'g', field: 'nodeId', message: 'points at node "email1", which is not in this flow' },
      ]);
    });

    it('reports a reference to a node of the wrong type', () => {
      expect(validate(graphOf(nodes('c'), edges)).problems).toEqual([
        {
          severity: 'error',
          code: 'invalid-node-ref',
          nodeId: 'g',
          field: 'nodeId',
          message: 'points at node c (condition.rules), but it must be action.sendEmail or action.sendSms',
        },
      ]);
    });
  });
});
