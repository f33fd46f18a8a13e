import type { GraphNode } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { codePools, templateVariables, variableTag } from './template-variables';

const node = (id: string, type: string, config: Record<string, unknown>): GraphNode => ({ id, type, position: { x: 0, y: 0 }, config });

describe('template variables', () => {
  it('groups what a template can use, from the data schemas', () => {
    const groups = templateVariables([]);
    expect(groups.map((g) => g.title)).toEqual(['Contact', 'Order', 'Cart', 'Product', 'Links', 'Flow']);
    const contact = groups[0]?.variables ?? [];
    expect(contact).toEqual(expect.arrayContaining(['contact.firstName', 'contact.lastName', 'contact.email']));
    expect(contact).not.toContain('contact.tags');
    expect(groups[1]?.variables).toEqual(expect.arrayContaining(['order.number', 'order.total', 'order.currency']));
  });

  it('offers the codes of the pools the flow assigns from', () => {
    const nodes = [node('a', 'action.assignCode', { pool: 'discount' }), node('b', 'action.assignCode', { pool: 'ebook' }), node('c', 'action.assignCode', { pool: 'discount' })];
    expect(codePools(nodes)).toEqual(['discount', 'ebook']);
    expect(templateVariables(codePools(nodes)).find((g) => g.title === 'Codes')).toEqual({ title: 'Codes', variables: ['codes.discount', 'codes.ebook'] });
  });

  it('writes a variable as a Liquid output tag', () => {
    expect(variableTag('contact.firstName')).toBe('{{ contact.firstName }}');
  });
});
