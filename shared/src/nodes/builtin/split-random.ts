import { z } from 'zod';
import type { ConfigProblem } from '../types';
import { defineNode } from '../types';

const branchSchema = () =>
  z.object({
    key: z
      .string()
      .regex(/^[a-z0-9_-]+$/i, 'a branch key is letters, digits, "_" or "-"')
      .meta({ title: 'Key', description: 'Names the branch’s exit; keep it stable once the flow is live' }),
    label: z.string().min(1, 'name the branch').meta({ title: 'Label' }),
    percent: z.number().min(0).max(100).meta({ title: 'Percent' }),
  });

export const splitRandom = defineNode({
  type: 'split.random',
  title: 'Random split',
  description: 'Sends contacts down one of several branches at random, by percentage: A/B tests and holdout groups.',
  category: 'condition',
  icon: 'shuffle',
  color: '#0891b2',
  version: 1,
  configSchema: () => z.object({
    branches: z.array(branchSchema()).min(2, 'a split needs at least two branches').meta({ title: 'Branches', description: 'Percentages must add up to 100' }),
  }),
  defaults: {
    branches: [
      { key: 'a', label: 'A', percent: 50 },
      { key: 'b', label: 'B', percent: 50 },
    ],
  },
  outputs: (c) => c.branches.map((b) => ({ id: b.key, label: `${b.label} ${b.percent}%` })),
  summary: (c) => `Split: ${c.branches.map((b) => `${b.label} ${b.percent}%`).join(' / ')}`,
  check: (c) => {
    const problems: ConfigProblem[] = [];
    const total = c.branches.reduce((sum, b) => sum + b.percent, 0);
    // Tolerates float noise such as 33.3 + 33.3 + 33.4.
    if (Math.abs(total - 100) > 1e-9)
      problems.push({ field: 'branches', message: `the percentages add up to ${Math.round(total * 100) / 100}; they must add up to 100` });
    c.branches.forEach((b, i) => {
      if (c.branches.findIndex((other) => other.key === b.key) < i)
        problems.push({ field: `branches.${i}.key`, message: `the key "${b.key}" is used by another branch; each branch needs its own` });
    });
    return problems;
  },
  behavior: {
    kind: 'branch',
    choose: (c, _ctx, random) => {
      const target = random * 100;
      let cumulative = 0;
      for (const b of c.branches) {
        cumulative += b.percent;
        if (target < cumulative) return b.key;
      }
      // Only reachable through rounding or a total under 100: the last branch that can be chosen.
      const fallback = [...c.branches].reverse().find((b) => b.percent > 0) ?? c.branches[c.branches.length - 1];
      return fallback?.key ?? '';
    },
  },
});
