import type { NodeCategory } from '@nudgeflow/shared';
import type { NodeTypeInfo } from '../../api/types';

export const categoryHeadings: Record<NodeCategory, string> = {
  trigger: 'Triggers',
  condition: 'Conditions',
  wait: 'Waits',
  action: 'Actions',
  flow: 'Flow',
};

const categoryOrder = Object.keys(categoryHeadings) as NodeCategory[];

export interface PaletteGroup {
  category: NodeCategory;
  heading: string;
  items: NodeTypeInfo[];
}

/** Every word of the query appears in the title or description (case and accents aside). */
function matches(info: NodeTypeInfo, words: string[]): boolean {
  const text = `${info.title} ${info.description}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return words.every((w) => text.includes(w));
}

/** The catalog grouped by category in a fixed order, catalog order inside; empty groups left out. */
export function paletteGroups(catalog: readonly NodeTypeInfo[], query: string): PaletteGroup[] {
  const words = query.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/\s+/).filter(Boolean);
  return categoryOrder
    .map((category) => ({ category, heading: categoryHeadings[category], items: catalog.filter((t) => t.category === category && matches(t, words)) }))
    .filter((group) => group.items.length > 0);
}
