import { z } from 'zod';
import type { ConfigProblem } from '../types';
import { defineNode, NEXT } from '../types';

const tagSchema = () => z.string().trim().min(1, 'a tag cannot be empty');

export const actionTag = defineNode({
  type: 'action.tag',
  title: 'Tag the contact',
  description: 'Adds or removes tags on the contact, for segments and later conditions.',
  category: 'action',
  icon: 'tag',
  color: '#16a34a',
  version: 1,
  configSchema: () => z.object({
    add: z.array(tagSchema()).default([]).meta({ title: 'Add tags', examples: [['vip']] }),
    remove: z.array(tagSchema()).default([]).meta({ title: 'Remove tags', examples: [['lead']] }),
  }),
  defaults: { add: ['vip'], remove: [] },
  outputs: () => [NEXT],
  summary: (c) => `Tag ${[...c.add.map((t) => `+${t}`), ...c.remove.map((t) => `−${t}`)].join(' ') || '(nothing)'}`,
  check: (c) => {
    const problems: ConfigProblem[] = [];
    if (c.add.length + c.remove.length === 0) problems.push({ field: 'add', message: 'add or remove at least one tag' });
    c.remove.forEach((tag, i) => {
      if (c.add.includes(tag)) problems.push({ field: `remove.${i}`, message: `"${tag}" is both added and removed` });
    });
    return problems;
  },
  behavior: { kind: 'effect' },
});
