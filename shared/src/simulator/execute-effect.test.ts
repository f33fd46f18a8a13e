import { describe, expect, it } from 'vitest';
import type { Command } from '../interpreter/types';
import { executeEffect } from './execute-effect';
import { scenarioSchema } from './scenario';
import { SimClock, SimWorld } from './sim-world';

const contact = { id: 'c1', firstName: 'Eva', customerType: 'lead', tags: [], attributes: { tier: 'gold', shoeSize: 39 } };

function world(): SimWorld {
  const scenario = scenarioSchema.parse({ contact });
  return new SimWorld(scenario, new SimClock(scenario.now), []);
}

const updateContact = (set: Record<string, string | number | boolean | null>): Extract<Command, { kind: 'effect' }> => ({
  kind: 'effect',
  id: 'set:1:1',
  nodeId: 'set',
  visit: 1,
  type: 'action.updateContact',
  config: { set },
  idempotencyKey: 'sim:set:1',
  context: { flow: { id: 'f', name: 'F' }, runId: 'sim', contact, codes: {} },
});

describe('simulated action.updateContact', () => {
  it('sends null for a cleared field, as the worker does, so the run forgets the old value', () => {
    const { result } = executeEffect(updateContact({ firstName: null, customerType: 'vip', 'attributes.shoeSize': null }), world(), 0);
    expect(result).toStrictEqual({ status: 'done', patch: { contact: { firstName: null, customerType: 'vip', attributes: { tier: 'gold' } } } });
  });
});
