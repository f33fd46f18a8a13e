import { cartSchema, contactSchema, orderSchema, productSchema, type GraphNode } from '@nudgeflow/shared';
import type { JsonSchema } from '../../api/types';
import { valuePaths } from '../rules/rule-fields';

export interface VariableGroup {
  title: string;
  /** Dotted names as a template writes them: "contact.firstName". */
  variables: string[];
}

const json = (schema: { toJSONSchema(params?: { io?: 'input' | 'output' }): unknown }) => schema.toJSONSchema({ io: 'input' }) as JsonSchema;

let dataGroups: VariableGroup[] | undefined;

/**
 * The data a template sees (shared/src/liquid/scope.ts), derived from the same schemas the
 * validator checks against; worked out on first use, not while the editor's code loads.
 */
function dataVariables(): VariableGroup[] {
  dataGroups ??= [
    { title: 'Contact', variables: valuePaths(json(contactSchema), 'contact', false) },
    { title: 'Order', variables: valuePaths(json(orderSchema), 'order', false) },
    { title: 'Cart', variables: valuePaths(json(cartSchema), 'cart', false) },
    { title: 'Product', variables: valuePaths(json(productSchema), 'product', false) },
  ];
  return dataGroups;
}

const fixedGroups: VariableGroup[] = [
  { title: 'Links', variables: ['links.unsubscribe', 'links.viewInBrowser'] },
  { title: 'Flow', variables: ['flow.name'] },
];

/** Code pools the flow assigns from: their codes are `{{ codes.<pool> }}` in later messages. */
export function codePools(nodes: readonly GraphNode[]): string[] {
  const pools = nodes.filter((n) => n.type === 'action.assignCode').map((n) => n.config.pool);
  return [...new Set(pools.filter((p): p is string => typeof p === 'string' && p !== ''))].sort();
}

/** Every variable the "Insert variable" menu offers, grouped as the menu shows them. */
export function templateVariables(pools: readonly string[]): VariableGroup[] {
  const codes: VariableGroup[] = pools.length > 0 ? [{ title: 'Codes', variables: pools.map((p) => `codes.${p}`) }] : [];
  return [...dataVariables(), ...codes, ...fixedGroups];
}

export function variableTag(variable: string): string {
  return `{{ ${variable} }}`;
}
