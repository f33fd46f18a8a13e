import type { Locator } from 'playwright-core';

/** The one control labelled `title` (the schema field's title) inside a settings panel. */
export function field(scope: Locator, title: string): Locator {
  return scope.getByLabel(title, { exact: true });
}

/** Replaces a text field's value as typing would (fill fires the input events React listens to). */
export async function fillField(scope: Locator, title: string, value: string): Promise<void> {
  const control = field(scope, title);
  await control.fill(value);
  await control.blur();
}

/**
 * The duration picker: a number labelled with the field's title and, beside it, a unit select.
 * The unit is chosen by its visible text (e.g. "hours").
 */
export async function fillDuration(scope: Locator, title: string, amount: number, unit: string): Promise<void> {
  const number = scope.getByRole('spinbutton', { name: title, exact: true });
  await number.fill(String(amount));
  const select = number.locator('xpath=..').getByRole('combobox');
  const labels = await select.locator('option').allTextContents();
  const label = labels.find((l) => l.trim().toLowerCase() === unit.toLowerCase());
  if (!label) throw new Error(`the "${title}" picker has no unit "${unit}" (it has ${labels.join(', ')})`);
  await select.selectOption({ label });
}
