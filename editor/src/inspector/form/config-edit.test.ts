import { describe, expect, it } from 'vitest';
import { initialValue, renamedKey, withAppended, withItem, withKey, withoutItem } from './config-edit';
import { schemaOf } from './test-schemas';
import { switchVariant } from './variants';
import { widgetFor } from './schema-widget';

describe('immutable config edits', () => {
  it('sets, removes and renames keys without touching the original', () => {
    const config = Object.freeze({ subject: 'Hi', from: 'shop@example.cz' });
    expect(withKey(config, 'subject', 'Hello')).toEqual({ from: 'shop@example.cz', subject: 'Hello' });
    expect(withKey(config, 'from', undefined)).toEqual({ subject: 'Hi' });
    expect(renamedKey({ a: 1, b: 2, c: 3 }, 'b', 'x')).toEqual({ a: 1, x: 2, c: 3 });
    expect(Object.keys(renamedKey({ a: 1, b: 2, c: 3 }, 'b', 'x'))).toEqual(['a', 'x', 'c']);
    expect(config).toEqual({ subject: 'Hi', from: 'shop@example.cz' });
  });

  it('replaces, removes and appends list items', () => {
    const list = Object.freeze(['a', 'b', 'c']);
    expect(withItem(list, 1, 'B')).toEqual(['a', 'B', 'c']);
    expect(withoutItem(list, 0)).toEqual(['b', 'c']);
    expect(withAppended(list, 'd')).toEqual(['a', 'b', 'c', 'd']);
    expect(withAppended(undefined, 'd')).toEqual(['d']);
    expect(list).toEqual(['a', 'b', 'c']);
  });
});

describe('initialValue', () => {
  it('starts a new row with its required fields empty and its defaults filled in', () => {
    const branch = schemaOf('split.random').properties?.branches?.items ?? {};
    expect(initialValue(branch)).toEqual({ key: '', label: '' });
    const attribute = schemaOf('condition.orderContains').properties?.attributes?.items ?? {};
    expect(initialValue(attribute)).toEqual({ name: '' });
  });

  it('switches variants keeping the fields both share', () => {
    const widget = widgetFor(schemaOf('wait.untilTime'));
    if (widget.kind !== 'variants') throw new Error('expected variants');
    const [clock, dateField] = widget.variants;
    const fromClock = { mode: 'clock', time: '10:00', days: ['mon'], timezone: 'Europe/Prague' };
    expect(switchVariant(fromClock, 'mode', dateField!)).toEqual({ mode: 'dateField', field: '', offsetDays: 0, time: '10:00', timezone: 'Europe/Prague' });
    expect(switchVariant({ mode: 'dateField', field: 'order.deliveryDate', offsetDays: -1 }, 'mode', clock!)).toEqual({
      mode: 'clock',
      time: '09:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      timezone: 'contact',
    });
  });
});
