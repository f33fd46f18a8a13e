import { loadavg } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, signIn, VIEWPORT } from '../../e2e/browser';
import { E2E_CREDENTIALS, startEditorServer, type EditorServer } from '../../e2e/server';
import { bigGraph } from '../big-graph';
import type { BenchRow } from '../results-file';

const NODES = 501;
const LOADS = 5;
/** How long the view stays unchanged before the drawing counts as finished. */
const SETTLED_MS = 1_500;
/** Interactive: the first moment after drawing from which the main thread has no long task for this long. */
const QUIET_MS = 500;
const MOVE_SECONDS = 3;
const TARGETS = { loadMs: 1_000, fps: 50 };
const PROBE = path.join(import.meta.dirname, 'editor-probe.js');

const log = (line: string) => console.log(`  ${line}`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

interface Probe {
  drawn: [number, number][];
  mounted: number;
  longTasks: [number, number][];
}

interface Load {
  /** The first frame with a node drawn. */
  firstMs: number;
  drawnMs: number;
  interactiveMs: number;
  nodesDrawn: number;
  mounted: number;
}

interface Motion {
  fps: number;
  worstFrameMs: number;
  /** Frames in which the watched element had moved: proof the gesture did what it should. */
  moved: number;
  frames: number;
}

/** An uncaught error makes the numbers meaningless (the bench stops); console errors are reported. */
function watchErrors(page: Page, errors: string[], consoleErrors: Set<string>): void {
  page.on('pageerror', (error) => errors.push(`uncaught error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.add(message.text());
  });
}

/**
 * One load of the editor on the big flow in a new tab (the HTTP cache warm, as for a marketer who
 * opened it before): from navigation start to the last change of the number of drawn nodes, and to
 * the end of the last long task before a quiet spell, both on the page's own clock.
 */
async function measureLoad(context: BrowserContext, url: string, watch: (page: Page) => void): Promise<Load> {
  const page = await context.newPage();
  watch(page);
  await page.addInitScript({ path: PROBE });
  await page.goto(url);
  await page.locator('[data-node-id]').first().waitFor({ timeout: 30_000 });
  // Wait until nothing changed for SETTLED_MS (the probe keeps noting changes meanwhile).
  let probe: Probe;
  for (;;) {
    await page.waitForTimeout(250);
    probe = await page.evaluate('({ ...window.__editorProbe, now: performance.now() })');
    const now = (probe as Probe & { now: number }).now;
    const last = probe.drawn.at(-1);
    const lastTask = probe.longTasks.at(-1)?.[1] ?? 0;
    if (last && last[1] > 0 && now - Math.max(last[0], lastTask) > SETTLED_MS) break;
  }
  await page.close();
  const [drawnMs, nodesDrawn] = probe.drawn.at(-1) as [number, number];
  const firstMs = probe.drawn.find(([, count]) => count > 0)?.[0] ?? drawnMs;
  let interactiveMs = drawnMs;
  for (const [start, end] of [...probe.longTasks].sort((a, b) => a[0] - b[0])) if (start < interactiveMs + QUIET_MS) interactiveMs = Math.max(interactiveMs, end);
  return { firstMs, drawnMs, interactiveMs, nodesDrawn, mounted: probe.mounted };
}

/** A point of the canvas where a press grabs the background (no node, edge or control under it). */
async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow__pane');
    const box = pane.getBoundingClientRect();
    for (let y = box.top + 40; y < box.bottom - 40; y += 20)
      for (let x = box.left + 40; x < box.right - 40; x += 20) {
        const hit = document.elementFromPoint(x, y);
        if (hit && hit.closest('.react-flow__pane') && !hit.closest('.react-flow__node, .react-flow__edge, .react-flow__panel')) return { x, y };
      }
    return null;
  })()`);
  if (!point) throw new Error('no empty spot on the canvas to grab for panning');
  return point as { x: number; y: number };
}

/** The `data-node-id` of the node matching `selector` whose centre is nearest the canvas's centre. */
async function nodeNearestCentre(page: Page, selector: string): Promise<string | undefined> {
  const id = await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const distance = (box) => Math.hypot(box.left + box.width / 2 - (pane.left + pane.width / 2), box.top + box.height / 2 - (pane.top + pane.height / 2));
    const nodes = [...document.querySelectorAll(${JSON.stringify(selector)})];
    nodes.sort((a, b) => distance(a.getBoundingClientRect()) - distance(b.getBoundingClientRect()));
    return nodes[0]?.getAttribute('data-node-id');
  })()`);
  return (id as string | null | undefined) ?? undefined;
}

/**
 * Holds the mouse down at `from` and moves it back and forth (`dx`, `dy` at most) for
 * MOVE_SECONDS, counting the page's animation frames meanwhile and the frames in which `watched`
 * (a CSS selector) had a new transform.
 */
async function measureMotion(page: Page, from: { x: number; y: number }, reach: { dx: number; dy: number }, watched: string): Promise<Motion> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.evaluate(`window.__editorProbe.record(${JSON.stringify(watched)})`);
  const started = Date.now();
  for (let step = 0; Date.now() - started < MOVE_SECONDS * 1000; step++) {
    // A triangle wave: 40 moves out, 40 back.
    const phase = Math.abs(((step % 80) - 40) / 40);
    await page.mouse.move(from.x + reach.dx * (1 - phase), from.y + reach.dy * (1 - phase));
  }
  const frames = (await page.evaluate('window.__editorProbe.stop()')) as [number, string][];
  await page.mouse.up();
  const gaps = frames.slice(1).map(([t], i) => t - (frames[i] as [number, string])[0]);
  const seconds = ((frames.at(-1)?.[0] ?? 0) - (frames[0]?.[0] ?? 0)) / 1000;
  const moved = frames.slice(1).filter(([, transform], i) => transform !== (frames[i] as [number, string])[1]).length;
  return { fps: gaps.length / seconds, worstFrameMs: Math.max(...gaps), moved, frames: frames.length };
}

export async function editorSuite(): Promise<{ rows: BenchRow[]; notes: string }> {
  const load = loadavg()[0] ?? 0;
  let server: EditorServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startEditorServer((line) => log(`[stack] ${line}`));
    browser = await launchChromium();
    const graph = bigGraph(NODES);
    const created = await server.api.request<{ id: string; valid: boolean; problems: { severity: string; message: string }[] }>('POST', '/api/flows', { body: { graph } });
    if (created.status !== 201) throw new Error(`creating the big flow answered ${created.status}: ${JSON.stringify(created.body)}`);
    if (!created.body.valid) throw new Error(`the generated flow is not valid: ${JSON.stringify(created.body.problems.slice(0, 3))}`);
    const url = `${server.baseUrl}/#/flows/${encodeURIComponent(created.body.id)}`;

    const context = await browser.newContext({ viewport: VIEWPORT, baseURL: server.baseUrl, colorScheme: 'light' });
    const errors: string[] = [];
    const consoleErrors = new Set<string>();
    const watch = (page: Page) => watchErrors(page, errors, consoleErrors);
    const first = await context.newPage();
    watch(first);
    await signIn(first, E2E_CREDENTIALS.adminToken);
    await first.close();

    const loads: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      const measured = await measureLoad(context, url, watch);
      log(`load ${i + 1}: first node at ${Math.round(measured.firstMs)} ms, ${measured.nodesDrawn} drawn at ${Math.round(measured.drawnMs)} ms, interactive at ${Math.round(measured.interactiveMs)} ms`);
      loads.push(measured);
    }

    const page = await context.newPage();
    watch(page);
    await page.addInitScript({ path: PROBE });
    await page.goto(url);
    await page.locator('[data-node-id]').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(SETTLED_MS);
    const zoom = (await page.evaluate(`Number(/scale\\(([\\d.]+)\\)/.exec(document.querySelector('.react-flow__viewport').style.transform)?.[1])`)) as number;
    const pan = await measureMotion(page, await emptyCanvasPoint(page), { dx: 0, dy: -400 }, '.react-flow__viewport');
    log(`panning: ${pan.fps.toFixed(1)} fps, worst frame ${Math.round(pan.worstFrameMs)} ms, view moved in ${pan.moved} of ${pan.frames} frames`);
    if (pan.moved === 0) throw new Error('the view never moved while dragging the canvas background: panning did not happen');

    // A wait node (its settings panel is light, so the figure is about the canvas, not the
    // inspector), the one nearest the middle of the canvas: held near an edge, xyflow would pan the
    // view under it all along and the figure would be one of panning.
    const nodeId = await nodeNearestCentre(page, '[data-node-id^="w"]');
    const target = page.locator(`[data-node-id="${nodeId}"]`);
    const box = await target.boundingBox();
    if (!box || !nodeId) throw new Error('no node on screen to drag');
    const drag = await measureMotion(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, { dx: 300, dy: 0 }, `[data-node-id="${nodeId}"]`);
    log(`dragging node ${nodeId}: ${drag.fps.toFixed(1)} fps, worst frame ${Math.round(drag.worstFrameMs)} ms, node moved in ${drag.moved} of ${drag.frames} frames`);
    if (drag.moved === 0) throw new Error(`node ${nodeId} never moved while it was dragged`);
    if (errors.length) throw new Error(`the editor failed during the bench:\n${errors.join('\n')}`);
    for (const text of consoleErrors) log(`console error in the editor: ${text}`);

    const drawnMs = median(loads.map((l) => l.drawnMs));
    const interactiveMs = median(loads.map((l) => l.interactiveMs));
    const nodesDrawn = median(loads.map((l) => l.nodesDrawn));
    const firstMs = median(loads.map((l) => l.firstMs));
    const mounted = Math.max(...loads.map((l) => l.mounted));
    const rows: BenchRow[] = [
      { metric: `${NODES}-node flow: navigation → nodes drawn (median of ${LOADS})`, value: drawnMs, unit: 'ms', target: '< 1 s', met: drawnMs < TARGETS.loadMs },
      { metric: `${NODES}-node flow: navigation → interactive (median of ${LOADS})`, value: interactiveMs, unit: 'ms', target: '< 1 s', met: interactiveMs < TARGETS.loadMs },
      { metric: 'panning the canvas: average frame rate', value: pan.fps, unit: 'fps', target: `≥ ${TARGETS.fps} fps`, met: pan.fps >= TARGETS.fps },
      { metric: 'panning the canvas: worst frame', value: pan.worstFrameMs, unit: 'ms' },
      { metric: 'dragging one node (a wait): average frame rate', value: drag.fps, unit: 'fps', target: `≥ ${TARGETS.fps} fps`, met: drag.fps >= TARGETS.fps },
      { metric: 'dragging one node (a wait): worst frame', value: drag.worstFrameMs, unit: 'ms' },
    ];
    const notes = [
      `Debian's Chromium ${browser.version()}, headless, at ${VIEWPORT.width}×${VIEWPORT.height}, against the API and editor bundle as \`nudgeflow serve\` runs them (embedded`,
      'PostgreSQL and Temporal dev server on a fresh temporary folder, in the bench process). The flow is the generated chain of blocks',
      `"check rules → email (yes) or SMS (no) → wait 1 h → tag" with realistic configs, ${NODES} nodes and ${graph.edges.length} edges, created through the API.`,
      `The machine's 1-minute load average was ${load.toFixed(1)} when the suite began: other work on it lowers every figure.`,
      '',
      `- **Load**: ${LOADS} loads of the flow's editor URL in a new tab each, signed in, HTTP cache warm. A script installed before the editor's`,
      '  own notes, on every animation frame, how many canvas nodes are drawn (xyflow keeps a node hidden until it knows its size), timed',
      '  when the main thread has finished that frame (a task posted from its animation-frame callback), not by the frame\'s own timestamp,',
      '  which is when the frame was due and can be long before a busy main thread drew it. "Nodes drawn" is the last change of that',
      `  number before ${SETTLED_MS / 1000} s without change: ${nodesDrawn} nodes, those the editor draws for the opening view: the whole flow`,
      `  fitted, at ${Math.round(zoom * 100)} % zoom, where it draws nodes as blocks of their type's colour, their text being unreadable`,
      `  (the first of them after ${Math.round(firstMs)} ms, median; up to ${mounted} node elements were in the page at once, drawn or still hidden).`,
      `  "Interactive" is the end of the last long task (≥ 50 ms, Long Tasks API) before the main thread stayed free for ${QUIET_MS} ms.`,
      '  Both are on the page clock, from navigation start (including fetching the flow and the node catalog).',
      `- **Panning**: the mouse held on the canvas background and moved up and down by 400 px for ${MOVE_SECONDS} s through Playwright (each move`,
      '  waits for Chromium to take it). Frame rate is requestAnimationFrame callbacks per second; the worst frame is the longest gap between',
      `  two. The view moved in ${pan.moved} of ${pan.frames} frames.`,
      '- **Dragging a node**: the same with the mouse held on the wait node nearest the middle of the canvas (near an edge xyflow would',
      `  pan the view under it), moved sideways by 300 px; the node moved in ${drag.moved} of ${drag.frames} frames.`,
      '',
      'Chromium runs without the address-bar popup it otherwise renders in a process of its own, headless too (tests/e2e/browser.ts).',
      'Headless Chromium has no GPU here: it rasterises and composites in software on the same two cores as the main thread, the server and',
      'this process, and its frame clock runs at 60 Hz, so 60 fps is the ceiling. A desktop browser with a GPU takes painting and',
      'compositing off those cores; the main-thread work (React, xyflow, the store) is the same there, and is what the long frames show.',
    ].join('\n');
    return { rows, notes };
  } finally {
    await browser?.close();
    await server?.stop();
  }
}
