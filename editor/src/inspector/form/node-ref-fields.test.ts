import { builtinRegistry } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import { nodeRefFields } from './node-ref-fields';

describe('nodeRefFields', () => {
  it('finds the field an engagement check names its message node in', () => {
    expect(Object.fromEntries(nodeRefFields(builtinRegistry.get('condition.engagement')))).toEqual({ nodeId: ['action.sendEmail', 'action.sendSms'] });
  });

  it('finds none in types without references', () => {
    expect(nodeRefFields(builtinRegistry.get('action.sendSms')).size).toBe(0);
    expect(nodeRefFields(undefined).size).toBe(0);
  });
});
