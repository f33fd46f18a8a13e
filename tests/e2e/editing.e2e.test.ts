import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { builtinRegistry, type FlowGraph } from '@nudgeflow/shared';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { unnamedControls } from './accessibility';
import { center, EditorPage, getFlow, overlaps, type NodeBox } from './editor-page';
import { describeE2e, eventually, useEditorStack } from './harness';

const templatesDir = path.resolve(import.meta.dirname, '../../shared/templates');
const EPRODUCT_TEMPLATE = path.join(templatesDir, 'eproduct-payment-reminder/flow.json');
const CROSS_SELL_TEMPLATE = path.join(templatesDir, 'post-purchase-cross-sell/flow.json');
const readGraph = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as FlowGraph;

async function newFlow(page: Page): Promise<EditorPage> {
  await page.getByRole('button', { name: 'New flow', exact: true }).click();
  const editor = new EditorPage(page);
  await editor.ready();
  return editor;
}

/** Import through the toolbar's file chooser, as a person picks a file exported earlier. */
async function importFile(editor: EditorPage, file: string, nodeCount: number): Promise<void> {
  const chooser = editor.page.waitForEvent('filechooser');
  await editor.button('Import').click();
  await (await chooser).setFiles(file);
  await eventually(() => editor.nodes.count()).toBe(nodeCount);
}

/**
 * For every node with two or more connected outputs, the targets must sit left to right in the
 * order the node type lists its outputs (yes before no, happened before timed out, ...).
 */
function outputOrderViolations(graph: FlowGraph, boxes: NodeBox[]): string[] {
  const centerX = new Map(boxes.map((b) => [b.id, b.x + b.width / 2]));
  const violations: string[] = [];
  for (const node of graph.nodes) {
    const outputs = builtinRegistry.get(node.type)?.outputs(node.config as never) ?? [];
    const targets = outputs.flatMap((o) => graph.edges.filter((e) => e.source === node.id && (e.sourceHandle ?? 'next') === o.id).map((e) => ({ output: o.id, target: e.target })));
    for (let i = 1; i < targets.length; i++) {
      const left = targets[i - 1] as { output: string; target: string };
      const right = targets[i] as { output: string; target: string };
      if (!((centerX.get(left.target) ?? NaN) < (centerX.get(right.target) ?? NaN)))
        violations.push(`${node.id}: "${left.output}" → ${left.target} is not left of "${right.output}" → ${right.target}`);
    }
  }
  return violations;
}

function overlapping(boxes: NodeBox[]): string[] {
  const found: string[] = [];
  for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) if (overlaps(a, b)) found.push(`${a.id} overlaps ${b.id}`);
  return found;
}

describeE2e('editing on the canvas', () => {
  const stack = useEditorStack();

  it('undoes and redoes adding a node with the toolbar and with Ctrl+Z / Ctrl+Shift+Z', async () => {
    const page = await stack.newPage();
    await stack.signIn(page);
    const editor = await newFlow(page);
    const sms = await editor.dropFromPalette('Send SMS', { x: 400, y: 200 });
    expect(await editor.nodeIds()).toEqual([sms]);

    await editor.button('Undo').click();
    await eventually(() => editor.nodeIds()).toEqual([]);
    await editor.button('Redo').click();
    await eventually(() => editor.nodeIds()).toEqual([sms]);

    await editor.clickEmptyCanvas();
    await page.keyboard.press('Control+z');
    await eventually(() => editor.nodeIds()).toEqual([]);
    await page.keyboard.press('Control+Shift+z');
    await eventually(() => editor.nodeIds()).toEqual([sms]);
  }, 60_000);

  it('imports an example flow and auto-lays it out without overlaps, keeping each node’s outputs in order', async () => {
    const page = await stack.newPage();
    await stack.signIn(page);
    const editor = await newFlow(page);
    const example = await readGraph(EPRODUCT_TEMPLATE);
    await importFile(editor, EPRODUCT_TEMPLATE, example.nodes.length);
    expect(await editor.nodeIds()).toEqual(example.nodes.map((n) => n.id).sort());
    await eventually(() => editor.edges.count()).toBe(example.edges.length);

    await editor.button('Auto layout').click();
    await editor.button('Fit view').click();
    await editor.saved();
    const boxes = await editor.nodeBoxes();
    expect(boxes).toHaveLength(example.nodes.length);
    expect(overlapping(boxes)).toEqual([]);
    expect(outputOrderViolations(example, boxes)).toEqual([]);

    // The same flow piled up at one point with the "no" edge listed first: layout must still put yes left of no.
    const crossSell = await readGraph(CROSS_SELL_TEMPLATE);
    const piled: FlowGraph = { ...crossSell, nodes: crossSell.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })), edges: [...crossSell.edges].reverse() };
    const piledFile = path.join(os.tmpdir(), `nudgeflow-e2e-piled-${process.pid}.json`);
    await writeFile(piledFile, JSON.stringify(piled));
    await importFile(editor, piledFile, crossSell.nodes.length);
    await rm(piledFile);
    expect(overlapping(await editor.nodeBoxes())).not.toEqual([]);
    await editor.button('Auto layout').click();
    await editor.button('Fit view').click();
    const laidOut = await editor.nodeBoxes();
    expect(overlapping(laidOut)).toEqual([]);
    expect(outputOrderViolations(piled, laidOut)).toEqual([]);
  }, 60_000);

  it('inserts a node dropped onto a connection, keeps one connection per output, and pastes copies with new ids', async () => {
    const page = await stack.newPage();
    await stack.signIn(page);
    const editor = await newFlow(page);
    const crossSell = await readGraph(CROSS_SELL_TEMPLATE);
    await importFile(editor, CROSS_SELL_TEMPLATE, crossSell.nodes.length);
    await editor.button('Fit view').click();
    const edgeLabel = (e: { source: string; sourceHandle?: string | undefined; target: string }) => `${e.source}:${e.sourceHandle ?? 'next'}->${e.target}`;
    const savedEdges = async () => {
      await editor.saved();
      return (await getFlow(stack.api, editor.flowId())).graph.edges.map(edgeLabel).sort();
    };

    // Dropped onto trigger → wait, the SMS goes in between.
    const edge = await center(editor.canvas.locator('[data-edge-id="trigger-wait_7d"]'));
    const canvas = (await editor.canvas.boundingBox()) as { x: number; y: number };
    const sms = await editor.dropFromPalette('Send SMS', { x: edge.x - canvas.x, y: edge.y - canvas.y });
    const inserted = crossSell.edges.filter((e) => e.id !== 'trigger-wait_7d').map(edgeLabel);
    expect(await savedEdges()).toEqual([...inserted, `trigger:next->${sms}`, `${sms}:next->wait_7d`].sort());

    // "Yes" already leads somewhere: a second connection from it is refused.
    await editor.connect(editor.outputHandle('has_coffee', 'Yes'), editor.inputHandle('email_generic'));
    expect(await savedEdges()).toEqual([...inserted, `trigger:next->${sms}`, `${sms}:next->wait_7d`].sort());

    await editor.select('email_grinders');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await eventually(() => editor.nodes.count()).toBe(crossSell.nodes.length + 2);
    const copies = (await editor.nodeIds()).filter((id) => !crossSell.nodes.some((n) => n.id === id) && id !== sms);
    expect(copies).toHaveLength(1);
    await editor.saved();
    const copy = (await getFlow(stack.api, editor.flowId())).graph.nodes.find((n) => n.id === copies[0]);
    expect(copy).toMatchObject({ type: 'action.sendEmail', config: crossSell.nodes.find((n) => n.id === 'email_grinders')?.config });
  }, 60_000);

  it('lets the keyboard reach a canvas node and delete it, and names every control', async () => {
    const page = await stack.newPage();
    await stack.signIn(page);
    const editor = await newFlow(page);
    await importFile(editor, CROSS_SELL_TEMPLATE, (await readGraph(CROSS_SELL_TEMPLATE)).nodes.length);
    await editor.saved();

    let focused: string | null = null;
    for (let i = 0; i < 80 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await editor.focusedNodeId();
    }
    expect(focused, 'Tab never reached a canvas node').not.toBeNull();
    await page.keyboard.press('Delete');
    await eventually(() => editor.node(focused as string).count()).toBe(0);
    expect(await editor.nodes.count()).toBe((await readGraph(CROSS_SELL_TEMPLATE)).nodes.length - 1);

    expect(await unnamedControls(page)).toEqual([]);
    await editor.select((await editor.nodeIds())[0] as string);
    expect(await unnamedControls(page)).toEqual([]);
  }, 60_000);

  it('edits an email beside its live preview, and switches the editor to dark mode', async () => {
    const page = await stack.newPage();
    await stack.signIn(page);
    const editor = await newFlow(page);
    const previewText = (frame: Locator) => frame.contentFrame().locator('body').textContent({ timeout: 1000 }).catch(() => '');
    // A new email straight from the palette previews its default text (and, like every step, without console errors).
    const fresh = await editor.select(await editor.dropFromPalette('Send email', { x: 400, y: 200 }));
    await eventually(() => previewText(fresh.getByTitle('Email preview', { exact: true }))).toContain('Hi ');

    await importFile(editor, EPRODUCT_TEMPLATE, (await readGraph(EPRODUCT_TEMPLATE)).nodes.length);
    await editor.button('Fit view').click();
    await editor.saved();
    const settings = await editor.select('email_licence');
    const preview = settings.getByTitle('Email preview', { exact: true });
    await eventually(() => previewText(preview)).toContain('Download your e-book');
    // The panel scrolled to the email body: the MJML editor with the rendered preview under it.
    await settings.getByRole('textbox', { name: 'Email', exact: true }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await stack.screenshot(page, 'inspector-email');

    // The wide editor: MJML on one side, the rendered email on the other, updated as one types.
    await settings.getByRole('button', { name: 'Edit beside the preview', exact: true }).click();
    const workbench = page.getByRole('dialog', { name: 'Email: MJML and preview' });
    const mjml = workbench.getByRole('textbox', { name: 'Email', exact: true });
    await mjml.fill((await mjml.inputValue()).replace('Download your e-book', 'Get your e-book now'));
    await eventually(() => previewText(workbench.getByTitle('Email preview', { exact: true }))).toContain('Get your e-book now');
    await stack.screenshot(page, 'email-workbench');
    await workbench.getByRole('button', { name: 'Close', exact: true }).click();
    await workbench.waitFor({ state: 'hidden' });
    await editor.saved();
    const saved = await getFlow(stack.api, editor.flowId());
    expect(String(saved.graph.nodes.find((n) => n.id === 'email_licence')?.config.mjml)).toContain('Get your e-book now');

    // The header's theme switch: the whole page turns dark, and the choice is announced as pressed.
    await editor.clickEmptyCanvas();
    const toggle = page.getByRole('button', { name: 'Dark mode', exact: true });
    await toggle.click();
    await eventually(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await editor.button('Fit view').click();
    await stack.screenshot(page, 'editor-dark');
  }, 60_000);
});
