import type { GraphNode } from '@nudgeflow/shared';
import { describe, expect, it } from 'vitest';
import type { NodeTypeInfo } from '../api/types';
import { groupChoices, nodeChoices, sameChoices } from './node-env';

const node = (id: string, type: string, label?: string): GraphNode => ({ id, type, position: { x: 0, y: 0 }, config: {}, ...(label ? { label } : {}) });
const types = [
  { type: 'action.sendEmail', title: 'Send email' },
  { type: 'action.sendSms', title: 'Send SMS' },
] as NodeTypeInfo[];
const nodes = [node('email1', 'action.sendEmail', 'Reminder email'), node('sms1', 'action.sendSms'), node('wait1', 'wait.delay'), node('check', 'condition.engagement')];

describe('node choices for reference fields', () => {
  it('offers the other nodes of the allowed types, by label or type title', () => {
    const choices = nodeChoices(nodes, new Map([['nodeId', ['action.sendEmail', 'action.sendSms']]]), 'check', types);
    expect(Object.fromEntries(groupChoices(choices))).toEqual({
      nodeId: [
        { id: 'email1', label: 'Reminder email (email1)' },
        { id: 'sms1', label: 'Send SMS (sms1)' },
      ],
    });
  });

  it('offers every other node when the field allows any type, never the node itself', () => {
    const choices = nodeChoices(nodes, new Map([['target', undefined]]), 'check', types);
    expect(choices.map((c) => c.id)).toEqual(['email1', 'sms1', 'wait1']);
  });

  it('sees two lists with the same entries as the same', () => {
    const refs = new Map([['nodeId', ['action.sendSms']]]);
    expect(sameChoices(nodeChoices(nodes, refs, 'check', types), nodeChoices([...nodes], refs, 'check', types))).toBe(true);
    expect(sameChoices(nodeChoices(nodes, refs, 'check', types), nodeChoices([node('sms1', 'action.sendSms', 'Renamed')], refs, 'check', types))).toBe(false);
  });
});
