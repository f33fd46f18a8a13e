import { builtinRegistry, validate, type FlowGraphInput } from '@nudgeflow/shared';
import { templates } from '@nudgeflow/shared/templates';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../api/test-api';
import { withMjmlProblems } from './mjml-problems';
import { orderEmail } from './test-emails';

const body = (...lines: string[]) => ['<mjml>', '<mj-body>', '<mj-section>', '<mj-column>', ...lines, '</mj-column>', '</mj-section>', '</mj-body>', '</mjml>'].join('\n');

function emailFlow(mjml: string, subject = 'Hi {{ contact.firstName }}'): FlowGraphInput {
  return {
    schemaVersion: 1,
    name: 'Order email',
    nodes: [
      { id: 'trigger', type: 'trigger.event', config: { event: 'order.created' }, position: { x: 0, y: 0 } },
      { id: 'mail', type: 'action.sendEmail', config: { subject, mjml, transactional: true }, position: { x: 0, y: 120 } },
    ],
    edges: [{ id: 'e1', source: 'trigger', target: 'mail' }],
  };
}

const check = (graph: unknown) => withMjmlProblems(validate(graph, builtinRegistry), builtinRegistry);

describe('withMjmlProblems', () => {
  it('reports MJML errors with the node, the field and the template’s line', async () => {
    const result = await check(emailFlow(body('<mj-text colr="red">Hi {{ contact.firstName }}</mj-text>', '<mj-bogus>x</mj-bogus>')));
    expect(result.ok).toBe(false);
    expect(result.problems.filter((p) => p.code === 'invalid-mjml')).toEqual([
      { severity: 'error', code: 'invalid-mjml', nodeId: 'mail', field: 'mjml', line: 5, message: '<mj-text>: Attribute colr is illegal' },
      { severity: 'error', code: 'invalid-mjml', nodeId: 'mail', field: 'mjml', line: 6, message: "<mj-bogus>: Element mj-bogus doesn't exist or is not registered" },
    ]);
  });

  it('says which line it means when Liquid changed the number of lines', async () => {
    const result = await check(emailFlow(body('{% if order.total > 100000 %}', '<mj-text>Big</mj-text>', '{% endif %}', '<mj-text colr="red">x</mj-text>')));
    expect(result.problems.filter((p) => p.code === 'invalid-mjml')).toEqual([
      { severity: 'error', code: 'invalid-mjml', nodeId: 'mail', field: 'mjml', message: 'line 6 of the email after Liquid, <mj-text>: Attribute colr is illegal' },
    ]);
  });

  it('leaves a template with Liquid errors to the validator, and a clean one alone', async () => {
    const broken = await check(emailFlow(body('<mj-text colr="red">{% if contact.firstName %}Hi</mj-text>')));
    expect(broken.problems.map((p) => p.code)).toEqual(['template-syntax']);
    const clean = validate(emailFlow(orderEmail.mjml), builtinRegistry);
    expect(await withMjmlProblems(clean, builtinRegistry)).toEqual(clean);
  });

  it('finds nothing wrong with the MJML of the shipped templates', async () => {
    for (const template of templates) expect((await check(template.graph)).problems.filter((p) => p.code === 'invalid-mjml'), template.slug).toEqual([]);
  });
});

describe('saving and publishing a flow', () => {
  const api = useTestApi();

  it('lists MJML problems when the draft is saved, and refuses to publish it', async () => {
    const graph = emailFlow(body('<mj-text colr="red">Hi</mj-text>'));
    const created = await api.request('POST', '/api/flows', { body: { graph } });
    expect(created.status).toBe(201);
    const problem = { severity: 'error', code: 'invalid-mjml', nodeId: 'mail', field: 'mjml', line: 5, message: '<mj-text>: Attribute colr is illegal' };
    expect(created.body.problems).toContainEqual(problem);
    expect(created.body.valid).toBe(false);

    const saved = await api.request('PUT', `/api/flows/${created.body.id}`, { body: { graph } });
    expect(saved.body.problems).toContainEqual(problem);

    const published = await api.request('POST', `/api/flows/${created.body.id}/publish`);
    expect(published.status).toBe(422);
    expect(published.body.error.message).toBe(`flow "${created.body.id}" cannot be published: fix 1 error first, first node "mail": <mj-text>: Attribute colr is illegal`);
    expect(published.body.error.details).toContainEqual(problem);
  });
});
