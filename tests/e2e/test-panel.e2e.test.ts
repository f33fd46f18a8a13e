import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { EditorPage } from './editor-page';
import { describeE2e, eventually, useEditorStack } from './harness';

const TEMPLATE = 'E-book: payment reminder and licence delivery';
const SMS_TEXT = 'Hi Jana, order 2025-5001 (349 CZK) is still waiting for payment. As soon as it arrives, we will email you the e-book.';
/** The template's nodes on the way to the SMS, and on the "paid" branch. */
const UNPAID_PATH = ['trigger', 'is_ebook', 'wait_paid', 'sms_reminder'];
const PAID_PATH = ['trigger', 'is_ebook', 'wait_paid', 'assign_licence', 'email_licence'];

type TestState = 'reached' | 'current' | 'unreached' | 'none';

/** How the canvas shows a node in the test: the class the overlay gives its box. */
async function testState(editor: EditorPage, nodeId: string): Promise<TestState> {
  const classes = (await editor.node(nodeId).locator('.nf-node').getAttribute('class')) ?? '';
  return (/nf-node--test-(reached|current|unreached)/.exec(classes)?.[1] as TestState | undefined) ?? 'none';
}

async function testStates(editor: EditorPage, nodeIds: string[]): Promise<Record<string, TestState>> {
  const states: Record<string, TestState> = {};
  for (const id of nodeIds) states[id] = await testState(editor, id);
  return states;
}

/** Whether the connection is drawn as taken by the test. */
async function edgeTaken(editor: EditorPage, edgeId: string): Promise<boolean> {
  const classes = (await editor.canvas.locator(`[data-edge-id="${edgeId}"] .nf-edge__path`).first().getAttribute('class')) ?? '';
  return classes.includes('nf-edge__path--test-taken');
}

const markText = (editor: EditorPage, nodeId: string) => editor.node(nodeId).locator('.nf-test-mark').textContent();

/** The code the timeline's "Assign a code" entry handed out ("Assign a code: EBK-7Q4M-22XD"). */
async function assignedCode(timeline: Locator): Promise<string> {
  const title = await timeline.getByText(/^Assign a code: \S+$/).textContent();
  const code = /^Assign a code: (\S+)$/.exec(title ?? '')?.[1];
  if (!code) throw new Error(`no code in the timeline entry "${title}"`);
  return code;
}

function eventToggle(panel: Locator, label: string): Locator {
  return panel.getByRole('checkbox', { name: label, exact: true });
}

async function openTemplate(page: Page): Promise<EditorPage> {
  await page.getByRole('button', { name: 'Start from a template', exact: true }).click();
  const picker = page.getByRole('dialog', { name: 'Start from a template' });
  await picker.getByRole('button', { name: new RegExp(`^${TEMPLATE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  const editor = new EditorPage(page);
  await editor.ready();
  await eventually(() => editor.nodes.count()).toBe(11);
  return editor;
}

describeE2e('testing a flow in the editor', () => {
  const stack = useEditorStack({ worker: true });

  it('simulates the payment reminder unpaid and paid, runs it live to the SMS, marks it paid, cancels a second run, and finds the messages under Messages', async () => {
    const page = await stack.newPage();
    await stack.signIn(page);
    const editor = await openTemplate(page);

    await editor.button('Test').click();
    const panel = page.getByRole('region', { name: 'Test flow' });
    await panel.waitFor();
    await panel.getByLabel('Sample', { exact: true }).selectOption({ label: 'Unpaid bank-transfer order' });

    // Unpaid: through the timeout to the SMS, each node labelled with when it was reached.
    await eventually(() => testStates(editor, [...UNPAID_PATH, 'assign_licence'])).toEqual({
      trigger: 'reached',
      is_ebook: 'reached',
      wait_paid: 'reached',
      sms_reminder: 'reached',
      assign_licence: 'unreached',
    });
    expect(await markText(editor, 'sms_reminder')).toBe('+24 h · sent');
    expect(await markText(editor, 'wait_paid')).toBe('+0 h · timed out +24 h');
    expect(await edgeTaken(editor, 'wait_paid-timeout-sms_reminder')).toBe(true);
    expect(await edgeTaken(editor, 'wait_paid-event-assign_licence')).toBe(false);
    const timeline = panel.getByRole('list', { name: 'Simulation timeline' });
    await timeline.getByText(SMS_TEXT, { exact: true }).waitFor();

    // "order.paid at +2 h" added on the timeline: the path goes through "paid" at once.
    await panel.getByLabel('Event type', { exact: true }).fill('order.paid');
    await panel.getByLabel('After', { exact: true }).fill('2');
    await panel.getByLabel('Unit', { exact: true }).selectOption('hours');
    await panel.getByRole('button', { name: 'Add event', exact: true }).click();
    const paid = eventToggle(panel, 'order.paid at +2 h');
    expect(await paid.isChecked()).toBe(true);
    await eventually(() => testStates(editor, [...PAID_PATH, 'sms_reminder'])).toEqual({
      trigger: 'reached',
      is_ebook: 'reached',
      wait_paid: 'reached',
      assign_licence: 'reached',
      email_licence: 'reached',
      sms_reminder: 'unreached',
    });
    expect(await markText(editor, 'wait_paid')).toBe('+0 h · happened +2 h');
    expect(await edgeTaken(editor, 'wait_paid-event-assign_licence')).toBe(true);
    expect(await panel.getByLabel('Scenario JSON', { exact: true }).inputValue()).toContain('"type": "order.paid"');
    await timeline.getByText('Your e-book from order 2025-5001', { exact: true }).waitFor();
    const preview = timeline.locator('iframe[title="Email: Your e-book from order 2025-5001"]');
    await preview.waitFor();
    // The email shows the licence key the run's "Assign a code" handed out before it.
    const simulatedCode = await assignedCode(timeline);
    await preview.scrollIntoViewIfNeeded();
    await timeline.frameLocator('iframe[title="Email: Your e-book from order 2025-5001"]').getByText(simulatedCode, { exact: true }).waitFor();
    await stack.screenshot(page, 'test-panel-simulation');

    // Off again: back through the timeout.
    await paid.uncheck();
    await eventually(() => testState(editor, 'sms_reminder')).toBe('reached');
    expect(await testState(editor, 'assign_licence')).toBe('unreached');

    // Live, an hour of flow time per second: the run reaches the SMS after about 24 s.
    const live = panel.getByRole('region', { name: 'Live test' });
    await live.getByLabel('Time compression', { exact: true }).selectOption({ label: '1 h = 1 s' });
    await live.getByRole('button', { name: 'Start live test', exact: true }).click();
    await panel.getByRole('heading', { name: 'Live test (running)', exact: true }).waitFor();
    await eventually(() => testState(editor, 'wait_paid')).toBe('current');
    await editor.waitUntil('the live run to send the SMS', async () => ['reached', 'current'].includes(await testState(editor, 'sms_reminder')), 90_000);
    const liveTimeline = panel.getByRole('list', { name: 'Live test timeline' });
    const liveSms = liveTimeline.getByText(SMS_TEXT, { exact: true });
    await liveSms.waitFor();
    expect(await edgeTaken(editor, 'wait_paid-timeout-sms_reminder')).toBe(true);
    await eventually(() => testState(editor, 'wait_paid_again')).toBe('current');
    await liveSms.scrollIntoViewIfNeeded();
    await stack.screenshot(page, 'test-panel-live');

    // "Mark paid now": the run takes the paid branch from the second wait and ends.
    await live.getByRole('button', { name: 'Mark paid now', exact: true }).click();
    await panel.getByRole('heading', { name: 'Live test (ended)', exact: true }).waitFor({ timeout: 30_000 });
    expect(await testStates(editor, ['wait_paid_again', 'assign_licence', 'email_licence', 'email_cancelled'])).toEqual({
      wait_paid_again: 'reached',
      assign_licence: 'reached',
      email_licence: 'reached',
      email_cancelled: 'unreached',
    });
    expect(await edgeTaken(editor, 'wait_paid_again-event-assign_licence')).toBe(true);
    const liveCode = await assignedCode(liveTimeline);
    expect(liveCode).not.toBe(simulatedCode);
    await liveTimeline.frameLocator('iframe[title="Email: Your e-book from order 2025-5001"]').getByText(liveCode, { exact: true }).waitFor();

    // Back to the simulation; a second live test is cancelled while it waits for the payment.
    await live.getByRole('button', { name: 'Back to the simulation', exact: true }).click();
    await timeline.waitFor();
    await eventually(() => testState(editor, 'email_licence')).toBe('unreached');
    await live.getByRole('button', { name: 'Start live test', exact: true }).click();
    await panel.getByRole('heading', { name: 'Live test (running)', exact: true }).waitFor();
    await live.getByRole('button', { name: 'Cancel test', exact: true }).click();
    await panel.getByRole('heading', { name: 'Live test (cancelled)', exact: true }).waitFor();

    // The test SMS is in the message log, marked as a test, and opens in full.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages', exact: true }).click();
    await page.getByRole('heading', { name: 'Messages', exact: true }).waitFor();
    await page.getByLabel('Channel', { exact: true }).selectOption({ label: 'SMS' });
    // The list shows the first 90 characters; the whole text is in the message itself.
    const open = page.getByRole('button', { name: /^Hi Jana, order 2025-5001 \(349 CZK\) is still waiting for payment/ });
    await open.waitFor();
    const row = page.getByRole('row').filter({ has: open });
    // The flow's name replaces its id once the flow list (fetched alongside) has arrived.
    await eventually(() => row.textContent()).toMatch(/SMS.*sent.*E-book: payment reminder and licence delivery\s*Test$/);
    await open.click();
    const detail = page.getByRole('region', { name: 'Message' });
    await detail.getByText(SMS_TEXT, { exact: true }).waitFor();
    await stack.screenshot(page, 'test-panel-messages');

    // The licence email of the first live test, rendered from the MJML stored with it.
    await page.getByLabel('Channel', { exact: true }).selectOption({ label: 'Email' });
    await page.getByRole('button', { name: 'Your e-book from order 2025-5001', exact: true }).click();
    await page.frameLocator('iframe[title="Email: Your e-book from order 2025-5001"]').getByText('Thank you, Jana!').waitFor();
  }, 240_000);
});
