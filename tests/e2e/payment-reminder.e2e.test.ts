import { parseDuration } from '@nudgeflow/shared';
import { expect, it } from 'vitest';
import { EditorPage, flowsByName, getFlow } from './editor-page';
import { fillDuration, fillField } from './form-fields';
import { describeE2e, eventually, useEditorStack } from './harness';

const FLOW_NAME = 'E-book payment reminder';
const SMS_BODY = 'Hi {{ contact.firstName }}, order {{ order.number }} still waits for payment.';

describeE2e('a marketer builds the payment-reminder flow from an empty canvas', () => {
  const stack = useEditorStack();

  it('drags the nodes in, connects them, fills the forms, fixes a problem, publishes, and finds it all again after a reload', async () => {
    const page = await stack.newPage();
    await stack.signIn(page);
    await page.getByRole('button', { name: 'New flow', exact: true }).click();
    const editor = new EditorPage(page);
    await editor.ready();
    expect(await editor.nodeIds()).toEqual([]);
    await editor.waitForProblem('the flow has no trigger');

    await page.getByRole('textbox', { name: 'Flow name' }).fill(FLOW_NAME);
    const trigger = await editor.dropFromPalette('When an event happens', { x: 360, y: 120 });
    // Each next node under the one before, as it is on screen (the view may have moved to show the first).
    const wait = await editor.dropFromPalette('Wait for an event', await editor.besideNode(trigger, 0, 150));
    const sms = await editor.dropFromPalette('Send SMS', await editor.besideNode(wait, 0, 150));
    await editor.waitForNoProblem('the flow has no trigger');
    await editor.waitForProblem('unreachable');

    await editor.connect(editor.outputHandle(trigger, 'Next'), editor.inputHandle(wait));
    await editor.connect(editor.outputHandle(wait, 'Timed out'), editor.inputHandle(sms));
    await editor.waitForNoProblem('unreachable');

    const triggerForm = await editor.select(trigger);
    await fillField(triggerForm, 'Event', 'order.created');
    const waitForm = await editor.select(wait);
    await fillField(waitForm, 'Event', 'order.paid');
    await fillDuration(waitForm, 'Give up after', 24, 'hours');
    expect(await editor.nodeLabel(wait)).toContain('for order.paid');

    // An empty SMS is an error: it shows in the list, blocks publishing, and goes once the text is there.
    const smsForm = await editor.select(sms);
    await fillField(smsForm, 'Message', '');
    await editor.waitForProblem('the message is empty');
    await eventually(() => editor.button('Publish').isDisabled()).toBe(true);
    // With nothing selected, a click on the problem brings the SMS node's settings back.
    await editor.clickEmptyCanvas();
    await editor.nodeSettings.waitFor({ state: 'hidden' });
    await editor.problemButtons.filter({ hasText: 'the message is empty' }).click();
    await editor.nodeSettings.waitFor();
    expect(await smsForm.getByLabel('Message', { exact: true }).inputValue()).toBe('');
    await fillField(smsForm, 'Message', SMS_BODY);
    await editor.waitForNoProblem('the message is empty');
    expect(await editor.problemTexts()).toEqual([]);
    await editor.button('Fit view').click();
    await editor.saved();
    await stack.screenshot(page, 'editor-payment-reminder');

    await editor.button('Publish').click();
    const dialog = page.getByRole('dialog', { name: 'Publish flow' });
    await dialog.waitFor();
    // The change summary against the live version: here everything is new.
    expect(await dialog.textContent()).toMatch(/3 nodes/);
    await stack.screenshot(page, 'publish-dialog');
    await dialog.getByRole('button', { name: 'Publish now', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await editor.button('Versions').click();
    const versions = page.getByRole('dialog', { name: 'Versions' });
    await versions.getByRole('button', { name: 'Restore version 1', exact: true }).waitFor();
    await versions.getByRole('button', { name: 'Close', exact: true }).click();
    await versions.waitFor({ state: 'hidden' });

    const [summary] = await flowsByName(stack.api, FLOW_NAME);
    expect(summary).toMatchObject({ status: 'active', publishedVersion: 1 });
    const saved = await getFlow(stack.api, (summary as { id: string }).id);
    const byId = new Map(saved.graph.nodes.map((n) => [n.id, n]));
    expect(saved.graph.nodes.map((n) => n.id).sort()).toEqual([trigger, wait, sms].sort());
    expect(byId.get(trigger)).toMatchObject({ type: 'trigger.event', config: { event: 'order.created' } });
    expect(byId.get(wait)).toMatchObject({ type: 'wait.untilEvent', config: { event: 'order.paid', sameOrder: true } });
    expect(parseDuration(String(byId.get(wait)?.config.timeout))).toBe(24 * 3600);
    expect(byId.get(sms)).toMatchObject({ type: 'action.sendSms', config: { body: SMS_BODY } });
    const edges = saved.graph.edges.map((e) => `${e.source}:${e.sourceHandle ?? 'next'}->${e.target}`).sort();
    expect(edges).toEqual([`${trigger}:next->${wait}`, `${wait}:timeout->${sms}`].sort());
    expect(saved.problems.filter((p) => p.severity === 'error')).toEqual([]);

    const labelsBefore = await Promise.all([trigger, wait, sms].map((id) => editor.nodeLabel(id)));
    const positionsBefore = saved.graph.nodes.map((n) => n.position);
    await page.reload();
    await editor.ready();
    await eventually(() => editor.nodeIds()).toEqual([trigger, wait, sms].sort());
    expect(await Promise.all([trigger, wait, sms].map((id) => editor.nodeLabel(id)))).toEqual(labelsBefore);
    expect(await page.getByRole('textbox', { name: 'Flow name' }).inputValue()).toBe(FLOW_NAME);
    await eventually(() => editor.edges.count()).toBe(2);
    const again = await getFlow(stack.api, saved.id);
    expect(again.graph).toEqual(saved.graph);
    expect(again.graph.nodes.map((n) => n.position)).toEqual(positionsBefore);
    expect(again.status).toBe('active');
  }, 90_000);
});
