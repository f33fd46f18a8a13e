import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinNodes } from './builtin/index';
import { defineNode, NEXT } from './types';

const base = {
  type: 'acme.note',
  title: 'Note',
  description: 'Writes a note.',
  category: 'action' as const,
  icon: 'sticky-note',
  color: '#16a34a',
  version: 1,
  defaults: { text: 'hi' },
  outputs: () => [NEXT],
  summary: (c: { text: string }) => `Note: ${c.text}`,
  behavior: { kind: 'effect' as const },
};

describe('defineNode', () => {
  it('keeps a schema given directly', () => {
    const schema = z.object({ text: z.string() });
    const def = defineNode({ ...base, configSchema: schema });
    expect(def.configSchema).toBe(schema);
  });

  it('builds a schema given as a function on the first read only, then keeps it', () => {
    let builds = 0;
    const def = defineNode({
      ...base,
      configSchema: () => {
        builds += 1;
        return z.object({ text: z.string().min(1) });
      },
    });
    expect(builds).toBe(0);
    const first = def.configSchema;
    expect(def.configSchema).toBe(first);
    expect(builds).toBe(1);
    expect(def.configSchema.safeParse({ text: '' }).success).toBe(false);
    expect(def.configSchema.parse({ text: 'x' })).toEqual({ text: 'x' });
    expect(Object.keys(def)).toContain('configSchema');
  });
});

// Node type modules are loaded for every workflow run; building every schema then was most of a
// run's start-up (see defineNode). A built-in type that builds its schema on load brings it back.
it.each(builtinNodes.map((def) => [def.type, def] as const))('%s builds its config schema on first use', (_type, def) => {
  expect(typeof Object.getOwnPropertyDescriptor(def, 'configSchema')?.get).toBe('function');
});
