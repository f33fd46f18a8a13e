import { describe, expect, it } from 'vitest';
import { compileRoutable } from '../dispatch';
import { graphOf } from '../temporal/test-flows';
import { candidateSource } from './schedule-candidates';

function triggerOf(type: string, config: Record<string, unknown>) {
  const compiled = compileRoutable({ flowId: 'f1', version: 1, graph: graphOf('F', [['t', type, config]], []), publishedAt: '2026-03-02T10:00:00Z' });
  if (!compiled.ok) throw new Error(compiled.problem);
  return compiled.flow.trigger;
}

describe('candidateSource', () => {
  it('reads contacts that have the date field, or orders for an order field', () => {
    expect(candidateSource(triggerOf('trigger.date', { field: 'contact.birthday' }))).toEqual({ from: 'contacts', path: ['birthday'] });
    expect(candidateSource(triggerOf('trigger.date', { field: 'contact.attributes.anniversary' }))).toEqual({ from: 'contacts', path: ['attributes', 'anniversary'] });
    expect(candidateSource(triggerOf('trigger.date', { field: 'order.deliveryDate', offsetDays: 2 }))).toEqual({ from: 'orders', path: ['deliveryDate'] });
  });

  it('reads contacts that have the activity date an inactivity trigger measures from', () => {
    expect(candidateSource(triggerOf('trigger.inactivity', { activity: 'order', days: 90 }))).toEqual({ from: 'contacts', path: ['lastOrderAt'] });
    expect(candidateSource(triggerOf('trigger.inactivity', { activity: 'login', days: 30 }))).toEqual({ from: 'contacts', path: ['lastLoginAt'] });
  });
});
