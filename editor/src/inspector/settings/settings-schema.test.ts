import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../api/types';
import { controlPaths } from '../form/control-paths';
import { labelFor, widgetFor } from '../form/schema-widget';
import { flowSettingsFormSchema, mergeSchema, reentryChoice, reentryValue } from './settings-schema';

const properties = flowSettingsFormSchema.properties ?? {};

describe('the flow settings form', () => {
  it('titles every setting the form shows with its own control', () => {
    const { reentry: _custom, ...shown } = properties;
    expect(Object.fromEntries(Object.entries(shown).map(([key, s]) => [key, [labelFor(s, key), widgetFor(s).kind]]))).toEqual({
      runPer: ['One run per', 'enum'],
      exitOn: ['Exit when', 'rows'],
      sendWindow: ['Send window', 'object'],
      frequencyCap: ['Frequency cap', 'object'],
      timezone: ['Time zone', 'text'],
    });
  });

  it('titles the fields inside the nested settings too', () => {
    const titles = (schema: JsonSchema | undefined) => Object.entries(schema?.properties ?? {}).map(([key, s]) => [key, s.title, widgetFor(s).kind]);
    expect(titles(properties.exitOn?.items)).toEqual([
      ['event', 'Event', 'text'],
      ['filter', 'Only when', 'ruleSet'],
      ['sameOrder', 'Same order only', 'boolean'],
    ]);
    expect(titles(properties.sendWindow)).toEqual([
      ['days', 'Days', 'enumSet'],
      ['from', 'Opens at', 'time'],
      ['to', 'Closes at', 'time'],
      ['timezone', 'Time zone', 'text'],
    ]);
    expect(titles(properties.frequencyCap)).toEqual([
      ['max', 'Messages', 'number'],
      ['perSeconds', 'Per', 'duration'],
      ['onLimit', 'Over the limit', 'enum'],
    ]);
    expect(widgetFor(properties.frequencyCap?.properties?.perSeconds ?? {})).toEqual({ kind: 'duration', encoding: 'seconds' });
  });

  it('starts an added send window or cap with sensible values', () => {
    expect(controlPaths(flowSettingsFormSchema, { sendWindow: { from: '08:00', to: '20:00' } })).toEqual(
      expect.arrayContaining(['sendWindow.from', 'sendWindow.to', 'exitOn', 'frequencyCap', 'frequencyCap.perSeconds']),
    );
    expect(properties.sendWindow?.properties?.from?.default).toBe('08:00');
    expect(properties.frequencyCap?.properties?.perSeconds?.default).toBe(86400);
  });

  it('merges an overlay into a schema without losing what it does not mention', () => {
    expect(mergeSchema({ type: 'object', properties: { a: { type: 'string', pattern: 'x' } } }, { properties: { a: { title: 'A' } } })).toEqual({
      type: 'object',
      properties: { a: { type: 'string', pattern: 'x', title: 'A' } },
    });
  });
});

describe('re-entry', () => {
  it('reads and writes the three forms', () => {
    expect(['once', 'always', { afterSeconds: 60 }, undefined].map(reentryChoice)).toEqual(['once', 'always', 'after', 'once']);
    expect(reentryValue('after')).toEqual({ afterSeconds: 2592000 });
    expect(reentryValue('after', 3600)).toEqual({ afterSeconds: 3600 });
    expect(reentryValue('always')).toBe('always');
  });
});
