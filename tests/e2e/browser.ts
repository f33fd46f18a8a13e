import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const VIEWPORT = { width: 1440, height: 900 };

/** Debian's Chromium, headless. Tests run as root in CI containers, where its sandbox cannot start. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) to run the browser tests`);
  // Chromium 151+ also renders its address-bar popup (a WebUI page) in a renderer of its own, headless too;
  // on two cores that steals time from the page under test.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'] });
}

/** Opens `/` and signs in with the admin token, then waits for the flows list. */
export async function signIn(page: Page, adminToken: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Admin token').fill(adminToken);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();
}
