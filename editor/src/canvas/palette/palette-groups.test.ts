import { describe, expect, it } from 'vitest';
import type { NodeTypeInfo } from '../../api/types';
import { paletteGroups } from './palette-groups';

const info = (type: string, category: NodeTypeInfo['category'], title: string, description = ''): NodeTypeInfo => ({
  type,
  title,
  description,
  category,
  icon: 'zap',
  color: '#000',
  version: 1,
  outputs: [],
  defaults: {},
  configSchema: {},
});

const catalog = [
  info('action.sendSms', 'action', 'Send SMS', 'Sends a text message'),
  info('trigger.event', 'trigger', 'When an event happens', 'Starts the flow on an event'),
  info('flow.exit', 'flow', 'Exit', 'Ends the run'),
  info('wait.untilEvent', 'wait', 'Wait for an event', 'Waits until the contact pays'),
  info('action.sendEmail', 'action', 'Send email', 'Sends a réminder email'),
];

describe('paletteGroups', () => {
  it('groups in category order, keeping catalog order inside a group', () => {
    expect(paletteGroups(catalog, '').map((g) => [g.heading, g.items.map((i) => i.type)])).toEqual([
      ['Triggers', ['trigger.event']],
      ['Waits', ['wait.untilEvent']],
      ['Actions', ['action.sendSms', 'action.sendEmail']],
      ['Flow', ['flow.exit']],
    ]);
  });

  it('matches every word of the query against title and description', () => {
    expect(paletteGroups(catalog, 'event').flatMap((g) => g.items.map((i) => i.type))).toEqual(['trigger.event', 'wait.untilEvent']);
    expect(paletteGroups(catalog, 'SENDS text').flatMap((g) => g.items.map((i) => i.type))).toEqual(['action.sendSms']);
    expect(paletteGroups(catalog, 'reminder').flatMap((g) => g.items.map((i) => i.type))).toEqual(['action.sendEmail']);
    expect(paletteGroups(catalog, 'nothing like this')).toEqual([]);
  });
});
