import { templates } from '@nudgeflow/shared/templates';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { EditorPage, flowsByName, type FlowSummary } from './editor-page';
import { describeE2e, E2E_CREDENTIALS, eventually, useEditorStack } from './harness';

const TEMPLATE = 'E-book: payment reminder and licence delivery';
const templateNodes = templates.find((t) => t.name === TEMPLATE)?.graph.nodes.length;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A flow's row in the list: the table row or list item holding the link named after the flow. */
function row(page: Page, name: string): Locator {
  const link = page.getByRole('link', { name, exact: true });
  return page.getByRole('row').or(page.getByRole('listitem')).filter({ has: link });
}

/** A row's action button, named "Pause" or "Pause <flow name>". */
function action(page: Page, name: string, verb: string): Locator {
  return row(page, name).getByRole('button', { name: new RegExp(`^${verb}( ${escapeRegExp(name)})?$`) });
}

describeE2e('the flows list', () => {
  const stack = useEditorStack();

  it('signs in, starts a flow from a template, duplicates, pauses, resumes and deletes flows', async () => {
    const page = await stack.newPage();
    await page.goto('/');
    await page.getByLabel('Admin token').waitFor();
    await stack.screenshot(page, 'login');
    await page.getByLabel('Admin token').fill(E2E_CREDENTIALS.adminToken);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Start from a template', exact: true }).click();
    const picker = page.getByRole('dialog', { name: 'Start from a template' });
    await picker.waitFor();
    // Every template has its picture: wait until they are drawn before the screenshot.
    await eventually(() => picker.getByRole('button').count()).toBeGreaterThanOrEqual(templates.length);
    await stack.screenshot(page, 'template-picker');
    await picker.getByRole('button', { name: new RegExp(`^${escapeRegExp(TEMPLATE)}`) }).click();

    // The template opens in the editor as a new draft with all its nodes.
    const editor = new EditorPage(page);
    await editor.ready();
    await eventually(() => editor.nodes.count()).toBe(templateNodes);
    await editor.button('Back to flows').click();
    await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
    const [created] = await flowsByName(stack.api, TEMPLATE);
    expect(created).toMatchObject({ status: 'draft' });
    await eventually(() => row(page, TEMPLATE).textContent()).toContain('Draft');

    await action(page, TEMPLATE, 'Duplicate').click();
    const all = async () => (await stack.api.get<FlowSummary[]>('/api/flows')).map((f) => f.name).sort();
    await eventually(all).toHaveLength(2);
    const copyName = (await all()).find((n) => n !== TEMPLATE) as string;
    expect(copyName).toContain(TEMPLATE);
    await row(page, copyName).waitFor();

    // Pausing needs a live flow: publish the copy through the API, then drive the list.
    const copy = (await flowsByName(stack.api, copyName))[0] as FlowSummary;
    const published = await stack.api.request('POST', `/api/flows/${copy.id}/publish`);
    expect(published.status).toBe(201);
    await page.reload();
    await eventually(() => row(page, copyName).textContent()).toContain('Active');
    expect(await row(page, copyName).textContent()).toContain('v1');
    await stack.screenshot(page, 'flows-list');
    await action(page, copyName, 'Pause').click();
    await eventually(async () => (await flowsByName(stack.api, copyName))[0]?.status).toBe('paused');
    await eventually(() => row(page, copyName).textContent()).toContain('Paused');
    await action(page, copyName, 'Resume').click();
    await eventually(async () => (await flowsByName(stack.api, copyName))[0]?.status).toBe('active');
    await eventually(() => row(page, copyName).textContent()).toContain('Active');

    // Deleting asks first; the flow is then gone from the list and the API.
    page.once('dialog', (dialog) => void dialog.accept());
    await action(page, TEMPLATE, 'Delete').click();
    const confirm = page.getByRole('alertdialog').or(page.getByRole('dialog'));
    await eventually(async () => (await confirm.isVisible()) || (await row(page, TEMPLATE).count()) === 0).toBe(true);
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: /^Delete/ }).click();
    await row(page, TEMPLATE).waitFor({ state: 'detached' });
    expect(await all()).toEqual([copyName]);
  }, 90_000);
});
