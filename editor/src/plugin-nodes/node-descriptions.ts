import type { GraphNode } from '@nudgeflow/shared';
import type { DescribeNodeRequest, DescribeNodesAnswer, NodeDescription } from '../api/types';

/*
 * A custom node type's code (summary, own checks) runs only on the server, so the editor asks
 * POST /api/node-types/describe what a node's config means. Answers are kept by type, version and
 * config: undo, redo and a config typed back ask nothing again. Asking waits for edits to pause
 * and never holds up the canvas, which shows the type's title until the first answer.
 */

export type DescribeNodes = (nodes: DescribeNodeRequest[]) => Promise<DescribeNodesAnswer>;

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface NodeDescriptionsOptions {
  /** The types the server describes; nodes of other types are never asked about. */
  types: ReadonlySet<string>;
  describe: DescribeNodes;
  /** Quiet time after the last edit before asking: typing a number makes one request, not one per key. */
  delayMs?: number;
  /** Answers kept; the oldest are dropped first. */
  limit?: number;
  timers?: Timers;
}

export const DESCRIBE_DELAY_MS = 300;
const ANSWERS_KEPT = 500;

const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

// Nodes are immutable: one key per node version, however often the canvas asks.
const keys = new WeakMap<GraphNode, string>();

/** What an answer depends on. */
function keyOf(node: GraphNode): string {
  let key = keys.get(node);
  if (key === undefined) {
    key = `${node.type}@${node.version ?? 1}:${JSON.stringify(node.config)}`;
    keys.set(node, key);
  }
  return key;
}

function requestOf(node: GraphNode): DescribeNodeRequest {
  return { id: node.id, type: node.type, ...(node.version !== undefined ? { version: node.version } : {}), config: node.config };
}

export class NodeDescriptions {
  readonly #types: ReadonlySet<string>;
  readonly #describe: DescribeNodes;
  readonly #delayMs: number;
  readonly #limit: number;
  readonly #timers: Timers;
  readonly #answers = new Map<string, NodeDescription>();
  /** Each node's latest answer, shown while the answer for its newer config is on its way. */
  readonly #lastById = new Map<string, { type: string; description: NodeDescription }>();
  /** Asked and not answered (in flight, or failed: a failing server is not asked again for the same config). */
  readonly #asked = new Set<string>();
  readonly #listeners = new Set<() => void>();
  #nodes: readonly GraphNode[] = [];
  #timer: unknown;
  #version = 0;

  constructor(options: NodeDescriptionsOptions) {
    this.#types = options.types;
    this.#describe = options.describe;
    this.#delayMs = options.delayMs ?? DESCRIBE_DELAY_MS;
    this.#limit = options.limit ?? ANSWERS_KEPT;
    this.#timers = options.timers ?? browserTimers;
  }

  /** True when some type is described by the server: otherwise nothing here ever does anything. */
  get active(): boolean {
    return this.#types.size > 0;
  }

  /** The server's answer for exactly this node's type, version and config. */
  current(node: GraphNode): NodeDescription | undefined {
    return this.#types.has(node.type) ? this.#answers.get(keyOf(node)) : undefined;
  }

  /**
   * What the canvas shows: the current answer, else the node's previous one (a summary a moment
   * behind reads better than the title flashing on every keystroke). The same object while
   * nothing changes, as useSyncExternalStore needs.
   */
  shown(node: GraphNode): NodeDescription | undefined {
    if (!this.#types.has(node.type)) return undefined;
    const current = this.#answers.get(keyOf(node));
    if (current) return current;
    const last = this.#lastById.get(node.id);
    return last?.type === node.type ? last.description : undefined;
  }

  /** Bumped with every batch of answers. */
  readonly version = (): number => this.#version;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The draft's nodes now: the custom-type ones not yet answered are asked about once edits pause. */
  want(nodes: readonly GraphNode[]): void {
    if (!this.active) return;
    this.#nodes = nodes;
    if (this.#unanswered().size === 0) return;
    if (this.#timer !== undefined) this.#timers.clear(this.#timer);
    this.#timer = this.#timers.set(() => this.#ask(), this.#delayMs);
  }

  /** Stops a pending request (the page is closing); answers already on their way are still kept. */
  cancel(): void {
    if (this.#timer !== undefined) this.#timers.clear(this.#timer);
    this.#timer = undefined;
  }

  /** One request per distinct config; copies of a node share it. */
  #unanswered(): Map<string, DescribeNodeRequest> {
    const wanted = new Map<string, DescribeNodeRequest>();
    for (const node of this.#nodes) {
      if (!this.#types.has(node.type)) continue;
      const key = keyOf(node);
      if (!this.#answers.has(key) && !this.#asked.has(key) && !wanted.has(key)) wanted.set(key, requestOf(node));
    }
    return wanted;
  }

  #ask(): void {
    this.#timer = undefined;
    // Only what the draft has now: configs typed past while waiting are not asked about.
    const wanted = this.#unanswered();
    if (wanted.size === 0) return;
    const asked = new Map<string, { key: string; type: string }>();
    for (const [key, request] of wanted) {
      this.#asked.add(key);
      asked.set(request.id, { key, type: request.type });
    }
    this.#describe([...wanted.values()]).then(
      (answer) => this.#keep(answer, asked),
      // The nodes keep their titles; the server still validates the draft when it is saved and published.
      () => undefined,
    );
  }

  #keep(answer: DescribeNodesAnswer, asked: ReadonlyMap<string, { key: string; type: string }>): void {
    for (const { id, ...description } of answer.nodes) {
      const request = asked.get(id);
      if (!request) continue;
      this.#asked.delete(request.key);
      this.#answers.delete(request.key);
      this.#answers.set(request.key, description);
      this.#lastById.set(id, { type: request.type, description });
    }
    for (const key of this.#answers.keys()) {
      if (this.#answers.size <= this.#limit) break;
      this.#answers.delete(key);
    }
    this.#version += 1;
    for (const listener of this.#listeners) listener();
  }
}
