import type { FlowGraph } from '@nudgeflow/shared';
import type { Locator, Page } from 'playwright-core';
import type { ApiClient } from '../integration/api-client';

export interface FlowDetail {
  id: string;
  name: string;
  status: 'draft' | 'active' | 'paused';
  publishedVersion?: number;
  graph: FlowGraph;
  valid: boolean;
  problems: { severity: string; message: string; nodeId?: string }[];
}

export interface FlowSummary {
  id: string;
  name: string;
  status: 'draft' | 'active' | 'paused';
  publishedVersion?: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Where a node sits on screen, read from the rendered DOM. */
export interface NodeBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The editor page as the e2e tests drive it: through the accessible names and data attributes the UI conventions fix. */
export class EditorPage {
  readonly canvas: Locator;
  readonly palette: Locator;
  readonly problems: Locator;
  readonly nodeSettings: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByRole('region', { name: 'Flow canvas' });
    this.palette = page.getByRole('region', { name: 'Node palette' });
    this.problems = page.getByRole('region', { name: 'Problems' });
    this.nodeSettings = page.getByRole('region', { name: 'Node settings' });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Every rendered canvas node. */
  get nodes(): Locator {
    return this.canvas.locator('[data-node-id]');
  }

  /** Every rendered connection. */
  get edges(): Locator {
    return this.canvas.locator('[data-edge-id]');
  }

  node(id: string): Locator {
    return this.canvas.locator(`[data-node-id="${id}"]`);
  }

  outputHandle(nodeId: string, outputLabel: string): Locator {
    return this.canvas.locator(`[aria-label="${outputLabel} output of ${nodeId}"]`);
  }

  inputHandle(nodeId: string): Locator {
    return this.canvas.locator(`[aria-label="input of ${nodeId}"]`);
  }

  async nodeIds(): Promise<string[]> {
    const ids = await this.nodes.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-node-id') ?? ''));
    return ids.sort();
  }

  async nodeLabel(id: string): Promise<string> {
    return (await this.node(id).getAttribute('aria-label')) ?? '';
  }

  /** Boxes of all rendered nodes in page pixels. */
  async nodeBoxes(): Promise<NodeBox[]> {
    const boxes: NodeBox[] = [];
    for (const node of await this.nodes.all()) {
      const box = await node.boundingBox();
      if (!box) continue;
      boxes.push({ id: (await node.getAttribute('data-node-id')) ?? '', ...box });
    }
    return boxes;
  }

  /** The id of the flow open in the editor, from the page's address (#/flows/<id>). */
  flowId(): string {
    const match = /#\/flows\/([^/]+)$/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`the editor's address ${this.page.url()} names no flow`);
    return decodeURIComponent(match[1]);
  }

  /** Waits until the editor shows a loaded flow: canvas and palette are there. */
  async ready(): Promise<void> {
    await this.canvas.waitFor();
    await this.palette.waitFor();
  }

  /**
   * Drags a palette item (named by its node type's title) onto the canvas at `at` (pixels from the
   * canvas's top-left corner) with HTML5 drag and drop; returns the id of the node that appeared.
   */
  async dropFromPalette(title: string, at: Point): Promise<string> {
    const before = new Set(await this.nodeIds());
    const item = this.palette.getByRole('button', { name: title, exact: true });
    await item.dragTo(this.canvas, { targetPosition: at });
    let added: string[] = [];
    await this.waitUntil(`a "${title}" node to appear after the drop`, async () => {
      added = (await this.nodeIds()).filter((id) => !before.has(id));
      return added.length === 1;
    });
    return added[0] as string;
  }

  /**
   * A point on the canvas (from its top-left corner) `dx`, `dy` pixels from a node's middle as it
   * is on screen now: where a person drops the next node, next to one they see. Fails when that
   * is off the visible canvas, rather than dropping somewhere else.
   */
  async besideNode(nodeId: string, dx: number, dy: number): Promise<Point> {
    const node = await center(this.node(nodeId));
    const canvas = await this.canvas.boundingBox();
    if (!canvas) throw new Error('the flow canvas is not visible');
    const point = { x: node.x - canvas.x + dx, y: node.y - canvas.y + dy };
    const viewport = this.page.viewportSize();
    const bottom = Math.min(canvas.height, (viewport?.height ?? Infinity) - canvas.y);
    if (point.x < 0 || point.y < 0 || point.x > canvas.width || point.y > bottom)
      throw new Error(`(${dx}, ${dy}) from node ${nodeId} is off the visible canvas (${canvas.width}×${bottom}): it would be dropped elsewhere`);
    return point;
  }

  /** Drags from one handle to another with the mouse, as a person connects two nodes. */
  async connect(from: Locator, to: Locator): Promise<void> {
    const a = await center(from);
    const b = await center(to);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x, b.y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Selects a node by clicking it and waits for its settings panel. */
  async select(nodeId: string): Promise<Locator> {
    await this.node(nodeId).click();
    await this.nodeSettings.waitFor();
    return this.nodeSettings;
  }

  /** The id of the canvas node that has the keyboard focus (or contains it), if any. */
  async focusedNodeId(): Promise<string | null> {
    const focused = this.page.locator('*:focus');
    if ((await focused.count()) === 0) return null;
    return focused.evaluate((element) => element.closest('[data-node-id]')?.getAttribute('data-node-id') ?? null);
  }

  /** Clicks the canvas background (left edge, half-way down), which clears the selection. */
  async clickEmptyCanvas(): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the flow canvas is not visible');
    await this.page.mouse.click(box.x + 24, box.y + box.height / 2);
  }

  /** One button per problem, in the Problems region's list. */
  get problemButtons(): Locator {
    return this.problems.getByRole('listitem').getByRole('button');
  }

  /** The problems listed, each as its button's text. */
  async problemTexts(): Promise<string[]> {
    return (await this.problemButtons.allTextContents()).map((text) => text.trim());
  }

  async waitForProblem(text: string): Promise<void> {
    await this.waitUntil(`a problem "${text}" in the Problems list`, async () => (await this.problemTexts()).some((p) => p.includes(text)));
  }

  async waitForNoProblem(text: string): Promise<void> {
    await this.waitUntil(`the problem "${text}" to disappear from the Problems list`, async () => !(await this.problemTexts()).some((p) => p.includes(text)));
  }

  /** Waits for autosave to finish: the save state reads "Saved". */
  async saved(): Promise<void> {
    await this.page.getByText('Saved', { exact: true }).waitFor();
  }

  async waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
      await this.page.waitForTimeout(100);
    }
  }
}

export async function center(locator: Locator): Promise<Point> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${String(locator)} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The admin API's view of the flows, to check what the editor saved. */
export async function flowsByName(api: ApiClient, name: string): Promise<FlowSummary[]> {
  return (await api.get<FlowSummary[]>('/api/flows')).filter((flow) => flow.name === name);
}

export async function getFlow(api: ApiClient, id: string): Promise<FlowDetail> {
  return api.get<FlowDetail>(`/api/flows/${encodeURIComponent(id)}`);
}

/** Two boxes overlap when they share any area (touching edges do not count). */
export function overlaps(a: NodeBox, b: NodeBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
