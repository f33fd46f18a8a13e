import path from 'node:path';
import type { Request, Route } from 'playwright-core';
import { expect, it } from 'vitest';
import { EditorPage, flowsByName, getFlow } from './editor-page';
import { fillField } from './form-fields';
import { describeE2e, eventually, useEditorStack } from './harness';

const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../runtime/plugins/examples');
const FLOW_NAME = 'Loyalty bonus for CRM VIPs';
const PLUGIN_TYPES = ['acme.addLoyaltyPoints', 'acme.inCrmSegment'];

interface DescribeBody {
  nodes: { id: string; type: string; version?: number; config: Record<string, unknown> }[];
}

/**
 * Holds POST /api/node-types/describe until `release()`, and records what the editor asked:
 * so the test sees what the canvas shows before the server has answered.
 */
async function holdDescribe(editor: EditorPage) {
  const asked: DescribeBody[] = [];
  const held: Route[] = [];
  let open = false;
  await editor.page.route('**/api/node-types/describe', async (route: Route, request: Request) => {
    asked.push(request.postDataJSON() as DescribeBody);
    if (open) await route.continue();
    else held.push(route);
  });
  return {
    asked,
    async release() {
      open = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

describeE2e('custom node types (plugins) in the editor', () => {
  const stack = useEditorStack({ env: { NUDGEFLOW_PLUGINS_DIR: EXAMPLES_DIR } });

  it('offers the example plugins in the palette, and builds, checks, saves and publishes a flow with them', async () => {
    const page = await stack.newPage();
    await stack.signIn(page);
    await page.getByRole('button', { name: 'New flow', exact: true }).click();
    const editor = new EditorPage(page);
    await editor.ready();
    const describe = await holdDescribe(editor);

    // Each under the heading of its kind, beside the built-in nodes of that kind.
    const group = (heading: string) => editor.palette.getByRole('group', { name: heading, exact: true });
    await group('Actions').getByRole('button', { name: 'Add loyalty points', exact: true }).waitFor();
    await group('Conditions').getByRole('button', { name: 'In CRM segment', exact: true }).waitFor();
    await group('Actions').getByRole('button', { name: 'Send SMS', exact: true }).waitFor();

    await page.getByRole('textbox', { name: 'Flow name' }).fill(FLOW_NAME);
    const trigger = await editor.dropFromPalette('When an event happens', { x: 360, y: 120 });
    const segment = await editor.dropFromPalette('In CRM segment', await editor.besideNode(trigger, 0, 150));
    const points = await editor.dropFromPalette('Add loyalty points', await editor.besideNode(segment, -120, 160));

    // Until the server describes them, the plugin nodes show their type's title; their outputs are there at once.
    await eventually(() => describe.asked.length).toBeGreaterThan(0);
    expect(await editor.nodeLabel(segment)).toBe('In CRM segment: In CRM segment');
    expect(await editor.nodeLabel(points)).toBe('Add loyalty points: Add loyalty points');
    await editor.outputHandle(segment, 'Yes').waitFor();
    await editor.outputHandle(points, 'Not a member').waitFor();
    await describe.release();
    await eventually(() => editor.nodeLabel(segment)).toBe('In CRM segment: In CRM segment "vip"');
    await eventually(() => editor.nodeLabel(points)).toBe('Add loyalty points: Add 50 points: Thank you for your order');

    await editor.connect(editor.outputHandle(trigger, 'Next'), editor.inputHandle(segment));
    await editor.connect(editor.outputHandle(segment, 'Yes'), editor.inputHandle(points));
    await editor.waitForNoProblem('unreachable');

    const triggerForm = await editor.select(trigger);
    await fillField(triggerForm, 'Event', 'order.paid');

    // The forms come from the plugins' config schemas; the summaries follow from the server.
    const segmentForm = await editor.select(segment);
    await fillField(segmentForm, 'Segment', 'gold');
    await eventually(() => editor.nodeLabel(segment)).toBe('In CRM segment: In CRM segment "gold"');

    const pointsForm = await editor.select(points);
    await fillField(pointsForm, 'Reason', 'Birthday bonus');
    // A check only the plugin's code can make: its warning comes from the server, and goes with the typo.
    await fillField(pointsForm, 'Points', '20000');
    await editor.waitForProblem('20000 points is unusually many');
    await eventually(() => editor.nodeLabel(points)).toBe('Add loyalty points: Add 20000 points: Birthday bonus');
    await fillField(pointsForm, 'Points', '120');
    await editor.waitForNoProblem('unusually many');
    await eventually(() => editor.nodeLabel(points)).toBe('Add loyalty points: Add 120 points: Birthday bonus');
    expect(await editor.problemTexts()).toEqual([]);

    // Only custom-type nodes are described, and each config at most once.
    const described = describe.asked.flatMap((body) => body.nodes);
    expect([...new Set(described.map((n) => n.type))].sort()).toEqual(PLUGIN_TYPES);
    const configs = described.map((n) => `${n.id} ${JSON.stringify(n.config)}`);
    expect(configs).toEqual([...new Set(configs)]);

    await editor.button('Fit view').click();
    await editor.saved();
    await stack.screenshot(page, 'editor-plugins');
    const saved = await getFlow(stack.api, editor.flowId());
    expect(saved.problems).toEqual([]);
    const byId = new Map(saved.graph.nodes.map((n) => [n.id, n]));
    expect(byId.get(segment)).toMatchObject({ type: 'acme.inCrmSegment', config: { segment: 'gold' } });
    expect(byId.get(points)).toMatchObject({ type: 'acme.addLoyaltyPoints', version: 2, config: { points: 120, reason: 'Birthday bonus' } });
    expect(saved.graph.edges.map((e) => `${e.source}:${e.sourceHandle ?? 'next'}->${e.target}`).sort()).toEqual([`${trigger}:next->${segment}`, `${segment}:yes->${points}`].sort());

    await editor.button('Publish').click();
    const dialog = page.getByRole('dialog', { name: 'Publish flow' });
    await dialog.getByRole('button', { name: 'Publish now', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const [summary] = await flowsByName(stack.api, FLOW_NAME);
    expect(summary).toMatchObject({ status: 'active', publishedVersion: 1 });
  }, 120_000);
});
