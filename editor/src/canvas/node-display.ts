import type { GraphNode, NodeCategory, NodeOutput, NodeRegistry } from '@nudgeflow/shared';
import type { NodeDescription, NodeTypeInfo } from '../api/types';
import { nodeConfigView } from '../store/node-outputs';

/** What the canvas shows for one node: everything derived from its type and config. */
export interface NodeDisplay {
  /** The type's title ("Send SMS"), or the raw type when nobody knows it. */
  title: string;
  /** The marketer's label, else the title. */
  name: string;
  summary: string;
  /** The config does not parse: the summary says so instead of describing it. */
  needsSetup: boolean;
  outputs: NodeOutput[];
  category: NodeCategory | undefined;
  icon: string | undefined;
  color: string | undefined;
  /** Triggers start the flow: they have no input handle. */
  acceptsInput: boolean;
  /** "<name>: <summary>", the node's accessible name. */
  ariaLabel: string;
}

export const NEEDS_SETUP = 'Needs setup';

function summarize(node: GraphNode, registry: NodeRegistry, parsed: unknown): string | undefined {
  const def = registry.get(node.type);
  if (!def || parsed === undefined) return undefined;
  try {
    return def.summary(parsed);
  } catch {
    // A plugin's summary must not take the canvas down; the inspector shows the config's problems.
    return undefined;
  }
}

// Nodes are immutable, so one computation per node version (catalog entry and server description) is enough.
const cache = new WeakMap<GraphNode, { info: NodeTypeInfo | undefined; described: NodeDescription | undefined; display: NodeDisplay }>();

/**
 * The registry's definition (outputs from the parsed config, summary) where the editor knows the
 * type, else the server catalog's entry: a type the server added later still gets its outputs.
 * A custom type's summary and outputs are the server's description of the node once it has
 * answered (`described`); until then its portable definition's summary is the type's title.
 */
export function nodeDisplay(node: GraphNode, registry: NodeRegistry, info: NodeTypeInfo | undefined, described?: NodeDescription): NodeDisplay {
  const cached = cache.get(node);
  if (cached && cached.info === info && cached.described === described) return cached.display;
  const def = registry.get(node.type);
  const view = nodeConfigView(node, registry);
  const title = def?.title ?? info?.title ?? node.type;
  const name = node.label?.trim() || title;
  const summary = described ? described.summary : summarize(node, registry, view.parsed);
  const known = def !== undefined || info !== undefined;
  const text = summary ?? (known ? NEEDS_SETUP : 'Unknown node type');
  const category = def?.category ?? info?.category;
  const display: NodeDisplay = {
    title,
    name,
    summary: text,
    needsSetup: summary === undefined,
    outputs: described?.outputs ?? (def ? view.outputs : (info?.outputs ?? [])),
    category,
    icon: def?.icon ?? info?.icon,
    color: def?.color ?? info?.color,
    acceptsInput: category !== 'trigger',
    ariaLabel: `${name}: ${text}`,
  };
  cache.set(node, { info, described, display });
  return display;
}
