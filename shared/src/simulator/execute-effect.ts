import type { ContactChanges } from '../nodes/context';
import type { Command, EffectResult } from '../interpreter/types';
import { renderTemplate, type RenderOptions } from '../liquid/engine';
import { templateScope } from '../liquid/scope';
import { mjmlToText } from './mjml-text';
import type { SimWorld } from './sim-world';
import type { SimAction } from './types';

type EffectCommand = Extract<Command, { kind: 'effect' }>;

export interface Executed {
  result: EffectResult;
  action: Omit<SimAction, 'atSeconds' | 'nodeId' | 'type'>;
}

/** A template that fails to render: the effect fails with the engine's message. */
class RenderFailure extends Error {}

function renderer(command: EffectCommand): (field: string, source: unknown, options?: RenderOptions) => string {
  const scope = templateScope(command.context);
  return (field, source, options) => {
    try {
      return renderTemplate(String(source ?? ''), scope, options);
    } catch (error) {
      throw new RenderFailure(`${field}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

function sendEmail(command: EffectCommand, world: SimWorld, now: number): Executed {
  const { config, context } = command;
  const marketing = command.message?.marketing ?? config.transactional !== true;
  const to = context.contact.email;
  if (marketing && context.contact.consent?.email !== true) return { result: { status: 'skipped', reason: 'no consent' }, action: { channel: 'email', status: 'skipped', reason: 'no consent', ...(to ? { to } : {}) } };
  if (!to) return { result: { status: 'skipped', reason: 'no email address' }, action: { channel: 'email', status: 'skipped', reason: 'no email address' } };
  const render = renderer(command);
  const subject = render('subject', config.subject);
  const body = mjmlToText(render('mjml', config.mjml, { markup: true }));
  world.recordSend({ nodeId: command.nodeId, atSeconds: now, marketing });
  return { result: { status: 'sent' }, action: { channel: 'email', to, subject, body, status: 'sent' } };
}

function sendSms(command: EffectCommand, world: SimWorld, now: number): Executed {
  const { config, context } = command;
  const marketing = command.message?.marketing ?? config.transactional !== true;
  const to = context.contact.phone;
  if (marketing && context.contact.consent?.sms !== true) return { result: { status: 'skipped', reason: 'no consent' }, action: { channel: 'sms', status: 'skipped', reason: 'no consent', ...(to ? { to } : {}) } };
  if (!to) return { result: { status: 'skipped', reason: 'no phone number' }, action: { channel: 'sms', status: 'skipped', reason: 'no phone number' } };
  const body = renderer(command)('body', config.body);
  world.recordSend({ nodeId: command.nodeId, atSeconds: now, marketing });
  return { result: { status: 'sent' }, action: { channel: 'sms', to, body, status: 'sent' } };
}

function webhook(command: EffectCommand, world: SimWorld): Executed {
  const { config } = command;
  const render = renderer(command);
  const method = String(config.method ?? 'POST');
  const url = render('url', config.url);
  const body = config.body === undefined ? undefined : render('body', config.body);
  const action = { channel: 'webhook' as const, to: `${method} ${url}`, ...(body !== undefined ? { body } : {}) };
  if (!/^https?:\/\//i.test(url)) {
    const reason = `the URL "${url}" does not start with http:// or https://`;
    return { result: { status: 'failed', output: 'failed', reason }, action: { ...action, status: 'failed', reason } };
  }
  const status = world.webhookStatus(command.nodeId);
  const reason = `HTTP ${status}`;
  if (status >= 400) return { result: { status: 'failed', output: 'failed', reason }, action: { ...action, status: 'failed', reason } };
  return { result: { status: 'done', reason }, action: { ...action, status: 'done', reason } };
}

function tag(command: EffectCommand): Executed {
  const add = (command.config.add as string[] | undefined) ?? [];
  const remove = (command.config.remove as string[] | undefined) ?? [];
  const kept = command.context.contact.tags.filter((t) => !remove.includes(t));
  const tags = [...kept, ...add.filter((t) => !kept.includes(t))];
  return { result: { status: 'done', patch: { contact: { tags } } }, action: { status: 'done', body: tags.join(', ') } };
}

function updateContact(command: EffectCommand): Executed {
  const set = (command.config.set as Record<string, string | number | boolean | null> | undefined) ?? {};
  const contact: Record<string, unknown> = {};
  let attributes: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(set)) {
    if (key.startsWith('attributes.')) {
      attributes ??= { ...command.context.contact.attributes };
      const name = key.slice('attributes.'.length);
      if (value === null) delete attributes[name];
      else attributes[name] = value;
    } else contact[key] = value;
  }
  // null clears the field, as the real executor sends it.
  const patch = { ...contact, ...(attributes ? { attributes } : {}) } as ContactChanges;
  const shown = Object.entries(set).map(([k, v]) => `${k}=${v === null ? '(cleared)' : String(v)}`);
  return { result: { status: 'done', patch: { contact: patch } }, action: { status: 'done', body: shown.join(', ') } };
}

function assignCode(command: EffectCommand, world: SimWorld): Executed {
  const pool = String(command.config.pool ?? 'discount');
  const code = world.takeCode(pool);
  if (code === undefined) {
    const reason = `pool "${pool}" is empty`;
    return { result: { status: 'skipped', output: 'empty', reason }, action: { status: 'skipped', reason } };
  }
  return { result: { status: 'done', patch: { codes: { [pool]: code } } }, action: { status: 'done', body: code } };
}

function notify(command: EffectCommand): Executed {
  const render = renderer(command);
  const to = ((command.config.to as string[] | undefined) ?? []).join(', ');
  const subject = render('subject', command.config.subject);
  const body = render('body', command.config.body);
  return { result: { status: 'sent' }, action: { channel: 'internal', to, subject, body, status: 'sent' } };
}

/** A plugin's effect: its code never runs in a simulation, so the step only says what would. */
function plugin(title: string): Executed {
  const reason = `would run ${title}`;
  return { result: { status: 'done', reason }, action: { status: 'done', reason } };
}

function run(command: EffectCommand, world: SimWorld, now: number, title: string): Executed {
  switch (command.type) {
    case 'action.sendEmail':
      return sendEmail(command, world, now);
    case 'action.sendSms':
      return sendSms(command, world, now);
    case 'action.webhook':
      return webhook(command, world);
    case 'action.tag':
      return tag(command);
    case 'action.updateContact':
      return updateContact(command);
    case 'action.assignCode':
      return assignCode(command, world);
    case 'action.notify':
      return notify(command);
    default:
      return plugin(title);
  }
}

const channels: Record<string, SimAction['channel']> = {
  'action.sendEmail': 'email',
  'action.sendSms': 'sms',
  'action.webhook': 'webhook',
  'action.notify': 'internal',
};

/** Carries out an effect in the simulated world: nothing leaves the machine. `title`: the node type's. */
export function executeEffect(command: EffectCommand, world: SimWorld, now: number, title: string = command.type): Executed {
  try {
    return run(command, world, now, title);
  } catch (error) {
    if (!(error instanceof RenderFailure)) throw error;
    const reason = error.message;
    // A webhook has a "failed" exit for exactly this; other effects carry on through their first one.
    const output = command.type === 'action.webhook' ? { output: 'failed' } : {};
    const channel = channels[command.type];
    return { result: { status: 'failed', reason, ...output }, action: { ...(channel ? { channel } : {}), status: 'failed', reason } };
  }
}
