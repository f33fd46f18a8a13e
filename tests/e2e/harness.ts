import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';
import type { ApiClient } from '../integration/api-client';
import { CHROMIUM_PATH, launchChromium, signIn, VIEWPORT } from './browser';
import { E2E_CREDENTIALS, startEditorServer, type EditorServer, type EditorServerOptions } from './server';

export { E2E_CREDENTIALS } from './server';
export const SCREENSHOTS_DIR = path.join(import.meta.dirname, 'screenshots');

/**
 * Without Chromium the browser tests cannot run. On a developer machine they are skipped with a
 * message; in CI (CI set) they run anyway and fail at launch, so a missing browser never passes.
 */
const skipWithoutChromium = !existsSync(CHROMIUM_PATH) && !process.env.CI;
if (skipWithoutChromium) console.warn(`End-to-end tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium).`);
export const describeE2e = skipWithoutChromium ? describe.skip : describe;

const LOG_TAIL = 80;

/**
 * expect.poll with room for a busy machine (its default gives up after 1 s): the page answers
 * within a few frames, but the whole suite shares two cores with servers and other browsers.
 */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });

export interface EditorStack {
  /** The HTTP API with the admin token built in, to check what the editor saved. */
  readonly api: ApiClient;
  /** A fresh browser context (own storage) at 1440×900 with one page whose errors are collected. */
  newPage(): Promise<Page>;
  /** Opens `/`, signs in with the admin token and waits for the flows list. */
  signIn(page: Page): Promise<void>;
  /** Saves tests/e2e/screenshots/<name>.png (overwritten on each run; the files are committed). */
  screenshot(page: Page, name: string): Promise<void>;
}

/** Console errors and warnings, uncaught page errors, failed requests and HTTP errors of a page. */
function watchPage(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const at = message.location();
    problems.push(`console ${message.type()}: ${message.text()}${at.url ? ` (${at.url}:${at.lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught error in the page: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    // A reload cancels the GETs of the page it leaves; a cancelled write would be lost work, so it counts.
    if (failure === 'net::ERR_ABORTED' && request.method() === 'GET') return;
    problems.push(`request failed: ${request.method()} ${request.url()}: ${failure}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.request().method()} ${response.url()}`);
  });
}

/**
 * One real stack (see startEditorServer) and one Chromium per test file. Every test fails if
 * any page it opened logged a console error or warning, threw, or had a request fail; a failed
 * test prints those, the stack's last output, and a screenshot of each page (*.tmp.png).
 */
export function useEditorStack(options: EditorServerOptions = {}): EditorStack {
  const log: string[] = [];
  const remember = (line: string) => {
    log.push(line);
    if (log.length > LOG_TAIL) log.shift();
  };
  let server: EditorServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let pages: Page[] = [];
  let problems: string[] = [];

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running (the stack is only there inside tests)`);
    return value;
  };

  async function teardown(): Promise<void> {
    const failed: string[] = [];
    await browser?.close().catch((error: unknown) => failed.push(`closing Chromium: ${String(error)}`));
    await server?.stop().catch((error: unknown) => failed.push(String(error)));
    browser = server = undefined;
    if (failed.length) throw new Error(failed.join('\n'));
  }

  beforeAll(async () => {
    try {
      const started = await Promise.allSettled([startEditorServer(remember, options).then((s) => (server = s)), launchChromium().then((b) => (browser = b))]);
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    } catch (error) {
      await teardown().catch((e: unknown) => console.error(String(e)));
      throw error;
    }
  }, 900_000); // the first run on a new machine builds the Temporal CLI (minutes)

  afterAll(teardown, 60_000);

  beforeEach(() => {
    problems = [];
  });

  afterEach(async ({ task }) => {
    const seen = problems;
    if (task.result?.state === 'fail') {
      const shots: string[] = [];
      for (const [i, page] of pages.entries()) {
        if (page.isClosed()) continue;
        // *.tmp.png is git-ignored: failure pictures are for the person reading the log, not commits.
        const file = path.join(SCREENSHOTS_DIR, `failed-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}-${i}.tmp.png`);
        await page.screenshot({ path: file }).then(() => shots.push(file), () => undefined);
      }
      const lines = [...(seen.length ? ['Page problems:', ...seen] : []), 'What the stack printed lately:', ...(log.length ? log : ['(nothing)'])];
      console.error(`${lines.join('\n')}${shots.length ? `\nScreenshots: ${shots.join(', ')}` : ''}`);
    }
    for (const context of contexts) await context.close().catch(() => undefined);
    contexts = [];
    pages = [];
    if (seen.length) throw new Error(`the editor reported ${seen.length} problem(s) in the browser:\n${seen.join('\n')}`);
  });

  return {
    get api() {
      return need(server, 'the server').api;
    },
    async newPage() {
      // Light unless a test switches: the system preference would otherwise pick the theme.
      const context = await need(browser, 'Chromium').newContext({ viewport: VIEWPORT, colorScheme: 'light', baseURL: need(server, 'the server').baseUrl });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      watchPage(page, problems);
      pages.push(page);
      return page;
    },
    signIn: (page) => signIn(page, E2E_CREDENTIALS.adminToken),
    async screenshot(page, name) {
      await mkdir(SCREENSHOTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`) });
    },
  };
}
