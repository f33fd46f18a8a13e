import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { durationSchema, formatDuration, parseDuration } from '../time/duration';
import { builtinNodes } from './builtin/index';
import { checkNodeContract } from './contract';
import { downgradeConfig, migrateConfig } from './migrate';
import { defineNode, NEXT, type AnyNodeDefinition, type ConfigMigration } from './types';

describe('built-in catalog', () => {
  it('lists all 19 types in palette order', () => {
    expect(builtinNodes.map((d) => d.type)).toEqual([
      'trigger.event',
      'trigger.date',
      'trigger.inactivity',
      'condition.rules',
      'condition.orderContains',
      'condition.hasPurchased',
      'condition.engagement',
      'split.random',
      'wait.delay',
      'wait.untilEvent',
      'wait.untilTime',
      'action.sendEmail',
      'action.sendSms',
      'action.webhook',
      'action.tag',
      'action.updateContact',
      'action.assignCode',
      'action.notify',
      'flow.exit',
    ]);
  });

  it.each(builtinNodes.map((def) => [def.type, def] as const))('%s passes the node contract', (_type, def) => {
    expect(checkNodeContract(def)).toEqual([]);
  });
});

// A plugin-style type with a real config history:
// v1 { hours } -> v2 { duration: ISO } -> v3 adds businessHoursOnly.
const hoursToDuration: ConfigMigration = {
  to: 2,
  up: ({ hours, ...rest }) => ({ ...rest, duration: `PT${Number(hours)}H` }),
  down: ({ duration, ...rest }) => ({ ...rest, hours: (parseDuration(String(duration)) ?? 0) / 3600 }),
};
const addBusinessHours: ConfigMigration = {
  to: 3,
  up: (config) => ({ ...config, businessHoursOnly: false }),
  down: ({ businessHoursOnly: _dropped, ...rest }) => rest,
};

const pause = defineNode({
  type: 'acme.pause',
  title: 'Pause',
  description: 'Waits for a while, optionally counting business hours only.',
  category: 'wait',
  icon: 'clock',
  color: '#d97706',
  version: 3,
  migrations: [hoursToDuration, addBusinessHours],
  configSchema: z.object({
    duration: durationSchema.meta({ title: 'Wait for' }),
    businessHoursOnly: z.boolean().default(false).meta({ title: 'Business hours only' }),
  }),
  defaults: { duration: 'PT36H', businessHoursOnly: false },
  outputs: () => [NEXT],
  summary: (c) => `Pause ${formatDuration(c.duration)}`,
  behavior: {
    kind: 'wait',
    plan: (c, _ctx, now) => ({ kind: 'sleep', until: new Date(now.getTime() + (parseDuration(c.duration) ?? 0) * 1000) }),
  },
});

function broken(changes: Partial<AnyNodeDefinition>): AnyNodeDefinition {
  return { ...pause, ...changes };
}

describe('config migrations (fixture type acme.pause, version 3)', () => {
  it('passes the contract', () => {
    expect(checkNodeContract(pause)).toEqual([]);
  });

  it('brings a version 1 config up to the current shape', () => {
    const migrated = migrateConfig(pause, { hours: 48 }, 1);
    expect(migrated).toEqual({ duration: 'PT48H', businessHoursOnly: false });
    expect(pause.configSchema.parse(migrated)).toEqual({ duration: 'PT48H', businessHoursOnly: false });
  });

  it('brings a version 2 config up by the last step only', () => {
    expect(migrateConfig(pause, { duration: 'P2D' }, 2)).toEqual({ duration: 'P2D', businessHoursOnly: false });
  });

  it('takes a current config down to each older version', () => {
    const current = { duration: 'PT36H', businessHoursOnly: false };
    expect(downgradeConfig(pause, current, 2)).toEqual({ duration: 'PT36H' });
    expect(downgradeConfig(pause, current, 1)).toEqual({ hours: 36 });
    expect(current).toEqual({ duration: 'PT36H', businessHoursOnly: false });
  });
});

describe('checkNodeContract catches broken definitions', () => {
  it('defaults that fail the schema', () => {
    expect(checkNodeContract(broken({ defaults: { duration: 'soon' } }))).toEqual([
      'defaults do not pass configSchema: duration: "soon" is not an ISO 8601 duration; write e.g. PT30M (30 minutes), PT24H (24 hours) or P3D (3 days)',
    ]);
  });

  it('a version that does not match the migrations', () => {
    expect(checkNodeContract(broken({ version: 2 }))).toEqual(['version is 2 but 2 migration(s) make it 3']);
  });

  it('migrations numbered out of order', () => {
    expect(checkNodeContract(broken({ migrations: [hoursToDuration, { ...addBusinessHours, to: 4 }] }))).toEqual([
      'migration 2 goes to version 4; expected 3',
    ]);
  });

  it('a migration that does not round-trip', () => {
    const lossy: ConfigMigration = {
      ...hoursToDuration,
      down: ({ duration, ...rest }) => ({ ...rest, hours: Math.round((parseDuration(String(duration)) ?? 0) / 3600) }),
    };
    expect(checkNodeContract(broken({ migrations: [lossy, addBusinessHours], defaults: { duration: 'PT90M' } }))).toEqual([
      'migrating the defaults down to version 1 and back up gives {"duration":"PT2H","businessHoursOnly":false}, not {"duration":"PT90M","businessHoursOnly":false}',
    ]);
  });

  it('a migration that changes its input', () => {
    const mutating: ConfigMigration = {
      ...addBusinessHours,
      down: (config) => {
        delete config.businessHoursOnly;
        return config;
      },
    };
    expect(checkNodeContract(broken({ migrations: [hoursToDuration, mutating] }))).toContain(
      'a migration changed the config it was given; migrations must return new objects',
    );
  });

  it('a migration that throws', () => {
    const throwing: ConfigMigration = {
      ...addBusinessHours,
      down: () => {
        throw new Error('boom');
      },
    };
    expect(checkNodeContract(broken({ migrations: [hoursToDuration, throwing] }))).toEqual([
      'migrating the defaults down to version 1 and back up threw: boom',
      'migrating the defaults down to version 2 and back up threw: boom',
    ]);
  });

  it('a type name without a namespace and missing texts', () => {
    expect(checkNodeContract(broken({ type: 'pause', title: '', icon: ' ' }))).toEqual([
      'type "pause" is not namespaced like "acme.addPoints"',
      'title is missing',
      'icon is missing',
    ]);
  });

  it('a category that disagrees with the behavior', () => {
    expect(checkNodeContract(broken({ category: 'action' }))).toEqual(['category "action" needs behavior effect, not wait']);
  });

  it('an exit node with outputs, and other nodes without', () => {
    expect(checkNodeContract(broken({ category: 'flow', behavior: { kind: 'exit', reason: () => 'done' } }))).toEqual([
      'an exit node must have no outputs',
    ]);
    expect(checkNodeContract(broken({ outputs: () => [] }))).toEqual([
      'outputs() of the defaults is empty; only exit nodes may have no outputs',
    ]);
  });

  it('duplicate and empty output ids', () => {
    const outputs = () => [NEXT, { id: 'next', label: 'Again' }, { id: '', label: 'Nameless' }];
    expect(checkNodeContract(broken({ outputs }))).toEqual(['output id "next" appears twice', 'an output has an empty id']);
  });

  it('an empty or throwing summary', () => {
    expect(checkNodeContract(broken({ summary: () => ' ' }))).toEqual(['summary() of the defaults is empty']);
    expect(
      checkNodeContract(
        broken({
          summary: () => {
            throw new Error('no config');
          },
        }),
      ),
    ).toEqual(['summary() of the defaults threw: no config']);
  });

  it('templates and node references that point nowhere', () => {
    const def = broken({
      templates: (c) => [
        { field: 'duration', source: c.duration, kind: 'liquid' },
        { field: 'body', source: 'Hi', kind: 'liquid' },
        { field: 'duration', source: 'something else', kind: 'liquid' },
      ],
      nodeRefs: () => [{ field: 'emailNode', nodeId: 'send_1' }],
    });
    expect(checkNodeContract(def)).toEqual([
      'template field "body" is not a text field of the config',
      'template field "duration" reports a source different from the config\'s value',
      'node reference "emailNode" does not hold the node id it reports',
    ]);
  });

  it('a config schema the editor cannot make a form from', () => {
    const def = broken({ configSchema: z.string(), defaults: 'PT1H', version: 1, migrations: [], summary: () => 'Pause' });
    expect(checkNodeContract(def)).toEqual(['configSchema is a zod string; it must be a z.object (or a z.discriminatedUnion of objects)']);
  });

  it('a config field without a title', () => {
    const configSchema = z.object({ duration: durationSchema, businessHoursOnly: z.boolean().default(false).meta({ title: 'Business hours only' }) });
    expect(checkNodeContract(broken({ configSchema }))).toEqual(['config field "duration" has no .meta({ title }) for the editor\'s form']);
  });

  it('a config schema that JSON Schema cannot express', () => {
    const configSchema = z.object({
      duration: durationSchema.meta({ title: 'Wait for' }),
      businessHoursOnly: z.boolean().default(false).meta({ title: 'Business hours only' }),
      startAt: z.date().optional().meta({ title: 'Start at' }),
    });
    expect(checkNodeContract(broken({ configSchema }))).toEqual(['configSchema does not convert to JSON Schema: Date cannot be represented in JSON Schema']);
  });
});
