import type { Contact, ContactRef, RunContext } from '@nudgeflow/shared';
import type { MessageTraits } from '@nudgeflow/shared/nodes';
import type { EffectCommand, RunRef } from '@nudgeflow/workflows/contract';
import type { MessagingSettings } from '../channels/settings';
import type { Channels, EmailMessage, MessageChannel, SmsMessage } from '../channels/types';
import type { Sql } from '../db/client';
import { resolveContact } from '../db/contacts';

/** Fixtures for the activity tests: a stored contact, a run, effect commands and channels that record what they get. */

export const NOW = new Date('2026-03-02T10:00:00.000Z');

/** Messaging settings for activity tests: links point at a placeholder host. */
export const testMessaging: MessagingSettings = {
  publicUrl: 'http://nudgeflow.test',
  linkSecret: 'test-link-secret-0123456789',
  webhookAllowPrivate: ['*'],
};

export function runRef(extra: Partial<RunRef> = {}): RunRef {
  return { runId: 'run-1', workflowId: 'flow/f1/ann', flowId: 'f1', flowVersion: 1, contactId: 'ann', ...extra };
}

export const ann: Contact = {
  id: 'ann',
  email: 'ann@example.com',
  phone: '+420 777 123 456',
  firstName: 'Ann',
  tags: ['lead'],
  consent: { email: true, sms: true },
};

/** Stores the contact as ingestion would. */
export async function storeContact(sql: Sql, contact: ContactRef = ann): Promise<Contact> {
  return sql.begin((tx) => resolveContact(tx, contact));
}

export interface CommandOptions {
  run?: RunRef;
  nodeId?: string;
  visit?: number;
  message?: MessageTraits;
  /** The run's copy of the contact (defaults to `ann`). */
  contact?: Contact;
  context?: Partial<RunContext>;
}

export function effectCommand(type: string, config: Record<string, unknown>, options: CommandOptions = {}): EffectCommand {
  const run = options.run ?? runRef();
  const nodeId = options.nodeId ?? 'node';
  const visit = options.visit ?? 1;
  return {
    kind: 'effect',
    id: `${nodeId}#${visit}`,
    nodeId,
    visit,
    type,
    config,
    idempotencyKey: `${run.runId}:${nodeId}:${visit}`,
    ...(options.message ? { message: options.message } : {}),
    context: {
      flow: { id: run.flowId, name: 'Test flow', version: run.flowVersion },
      runId: run.runId,
      contact: options.contact ?? ann,
      codes: {},
      ...(run.test ? { test: true } : {}),
      ...options.context,
    },
  };
}

/** A channel that keeps what it was given; `fail` decides an attempt's fate. */
export class RecordingChannel<M extends { id: string }> implements MessageChannel<M> {
  readonly sent: M[] = [];
  fail: ((message: M) => Error | undefined) | undefined;

  constructor(
    readonly provider: string,
    readonly idempotent = false,
  ) {}

  async send(message: M): Promise<{ providerId: string }> {
    const error = this.fail?.(message);
    if (error) throw error;
    this.sent.push(message);
    return { providerId: `${this.provider}-${this.sent.length}` };
  }
}

export function recordingChannels(): Channels & { email: RecordingChannel<EmailMessage>; sms: RecordingChannel<SmsMessage> } {
  return { email: new RecordingChannel<EmailMessage>('smtp'), sms: new RecordingChannel<SmsMessage>('twilio') };
}

/** What an activity call threw, for assertions on ApplicationFailure type and retryability. */
export async function failureOf(call: Promise<unknown>): Promise<{ name: string; message: string; type?: string; nonRetryable?: boolean }> {
  try {
    await call;
  } catch (error) {
    const e = error as { name: string; message: string; type?: string; nonRetryable?: boolean };
    return { name: e.name, message: e.message, ...(e.type !== undefined ? { type: e.type } : {}), ...(e.nonRetryable !== undefined ? { nonRetryable: e.nonRetryable } : {}) };
  }
  throw new Error('expected the call to fail');
}
