import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FlowGraph } from '@nudgeflow/shared';
import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import type { ApiClient } from '../integration/api-client';
import { unnamedControls } from './accessibility';
import { EditorPage, getFlow } from './editor-page';
import { field, fillField } from './form-fields';
import { describeE2e, eventually, useEditorStack } from './harness';

const TEMPLATE = path.resolve(import.meta.dirname, '../../shared/templates/eproduct-payment-reminder/flow.json');
const FLOW_NAME = 'SMS with its own hours';
const SMS = 'sms_reminder';
const WEEKEND = ['Saturday', 'Sunday'];

/** The SMS node's stored send window, as the API has it. */
async function savedWindow(editor: EditorPage, api: ApiClient): Promise<unknown> {
  await editor.saved();
  return (await getFlow(api, editor.flowId())).graph.nodes.find((n) => n.id === SMS)?.config.sendWindow;
}

const dayBox = (group: Locator, day: string) => group.getByRole('checkbox', { name: day, exact: true });

describeE2e('a message node’s own send window', () => {
  const stack = useEditorStack();

  it('follows the flow by default, keeps hours of its own across a reload, sends at any time, and names a bad window', async () => {
    const graph = JSON.parse(await readFile(TEMPLATE, 'utf8')) as FlowGraph;
    const created = await stack.api.request<{ id: string }>('POST', '/api/flows', { body: { name: FLOW_NAME, graph } });
    expect(created.status).toBe(201);
    const page = await stack.newPage();
    await stack.signIn(page);
    await page.getByRole('link', { name: FLOW_NAME, exact: true }).click();
    const editor = new EditorPage(page);
    await editor.ready();
    const summaryBefore = await editor.nodeLabel(SMS);
    expect(summaryBefore).toMatch(/^Send SMS: SMS: “Hi .*”$/);
    // The window shows right after the channel, where the canvas does not cut it off.
    const labelWith = (window: string) => summaryBefore.replace('Send SMS: SMS:', `Send SMS: SMS${window}:`);

    // Left out, the field reads as "follow the flow", and nothing of an own window is shown.
    const settings = await editor.select(SMS);
    const sendWindow = settings.getByRole('group', { name: 'Send window', exact: true });
    const send = field(sendWindow, 'Send');
    expect(await send.locator('option:checked').textContent()).toBe('within the flow’s send window');
    expect(await field(sendWindow, 'Opens at').count()).toBe(0);

    await send.selectOption({ label: 'only within these hours' });
    const days = sendWindow.getByRole('group', { name: 'Days', exact: true });
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', ...WEEKEND]) expect(await dayBox(days, day).isChecked()).toBe(true);
    expect(await field(sendWindow, 'Opens at').inputValue()).toBe('09:00');
    expect(await field(sendWindow, 'Closes at').inputValue()).toBe('20:00');
    expect(await field(sendWindow, 'Time zone').inputValue()).toBe('contact');
    await eventually(() => editor.nodeLabel(SMS)).toBe(labelWith(' · 09:00–20:00'));

    for (const day of WEEKEND) await dayBox(days, day).uncheck();
    await fillField(sendWindow, 'Opens at', '08:30');
    await fillField(sendWindow, 'Closes at', '18:00');
    // A person clears the box with the keyboard before typing the zone.
    const zone = field(sendWindow, 'Time zone');
    await zone.click();
    await zone.press('End');
    for (let i = 0; i < 'contact'.length; i++) await zone.press('Backspace');
    expect(await zone.inputValue()).toBe('');
    await zone.pressSequentially('Europe/Prague');
    await zone.blur();
    await eventually(() => editor.nodeLabel(SMS)).toBe(labelWith(' · weekdays 08:30–18:00 Europe/Prague'));
    await eventually(() => editor.problemTexts()).toEqual([]);
    const own = { mode: 'own', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:30', to: '18:00', timezone: 'Europe/Prague' };
    expect(await savedWindow(editor, stack.api)).toEqual(own);
    expect(await unnamedControls(page)).toEqual([]);
    await sendWindow.scrollIntoViewIfNeeded();
    await stack.screenshot(page, 'inspector-send-window');

    await page.reload();
    await editor.ready();
    const reloaded = (await editor.select(SMS)).getByRole('group', { name: 'Send window', exact: true });
    expect(await field(reloaded, 'Send').locator('option:checked').textContent()).toBe('only within these hours');
    const reloadedDays = reloaded.getByRole('group', { name: 'Days', exact: true });
    expect(await dayBox(reloadedDays, 'Friday').isChecked()).toBe(true);
    expect(await dayBox(reloadedDays, 'Saturday').isChecked()).toBe(false);
    expect(await field(reloaded, 'Opens at').inputValue()).toBe('08:30');
    expect(await field(reloaded, 'Closes at').inputValue()).toBe('18:00');
    expect(await field(reloaded, 'Time zone').inputValue()).toBe('Europe/Prague');
    expect(await editor.nodeLabel(SMS)).toBe(labelWith(' · weekdays 08:30–18:00 Europe/Prague'));

    await field(reloaded, 'Send').selectOption({ label: 'at any time' });
    await eventually(() => editor.nodeLabel(SMS)).toBe(labelWith(' · any time'));
    expect(await field(reloaded, 'Opens at').count()).toBe(0);
    expect(await savedWindow(editor, stack.api)).toEqual({ mode: 'anyTime' });

    // No day at all: the problem shows under Days and in the Problems list, and the node needs setup.
    await field(reloaded, 'Send').selectOption({ label: 'only within these hours' });
    const freshDays = reloaded.getByRole('group', { name: 'Days', exact: true });
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', ...WEEKEND]) await dayBox(freshDays, day).uncheck();
    await editor.waitForProblem('pick at least one day');
    expect(await freshDays.getByRole('listitem').allTextContents()).toEqual(['Error: pick at least one day']);
    expect(await editor.problemTexts()).toEqual(['Error: pick at least one daySend SMS (sms_reminder)']);
    // A window that closes before it opens: the problem sits under "To".
    await dayBox(freshDays, 'Monday').check();
    await editor.waitForNoProblem('pick at least one day');
    await fillField(reloaded, 'Opens at', '21:00');
    await editor.waitForProblem('the window must open ("from") before it closes ("to")');
    const to = field(reloaded, 'Closes at');
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    const described = await to.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described?.split(' ').at(-1)}"]`).textContent()).toBe('Error: the window must open ("from") before it closes ("to")');
    await eventually(() => editor.button('Publish').isDisabled()).toBe(true);
  }, 120_000);
});
