import { describe, expect, it } from 'vitest';
import { flowTestRunRequestSchema, testRunEventRequestSchema } from './test-runs';

const events = { contact: { email: 'jana@example.com' } };

describe('test run requests', () => {
  it('tests the draft unless a version is named', () => {
    expect(flowTestRunRequestSchema.parse({ events, mode: 'live', timeScale: 60 })).toMatchObject({ mode: 'live', version: 'draft', timeScale: 60 });
    expect(flowTestRunRequestSchema.parse({ events, mode: 'simulate', version: 3 }).version).toBe(3);
  });

  it('names every field it refuses by its path', () => {
    const result = flowTestRunRequestSchema.safeParse({ events, mode: 'live', timeScale: 0, deliverTo: { email: 'nope' }, extra: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['', 'deliverTo.email', 'timeScale']);
  });

  it('takes an event by its name alone', () => {
    expect(testRunEventRequestSchema.parse({ type: 'order.paid' })).toEqual({ type: 'order.paid' });
    expect(testRunEventRequestSchema.safeParse({ type: 'Order Paid' }).error?.issues[0]?.message).toBe(
      'an event name looks like "order.paid": lower-case words joined by dots',
    );
  });
});
