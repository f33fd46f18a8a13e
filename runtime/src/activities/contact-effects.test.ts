import { INVALID_INPUT_ERROR } from '@nudgeflow/workflows/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { getContact, updateContact } from '../db/contacts';
import { findEffect } from '../db/effects';
import { useTestDatabase } from '../db/test-database';
import { createFlowActivities } from './index';
import { ann, effectCommand, failureOf, recordingChannels, runRef, storeContact, testMessaging } from './test-fixtures';

const db = useTestDatabase();
let activities: ReturnType<typeof createFlowActivities>;

beforeEach(async () => {
  await db.reset();
  await storeContact(db.sql, { ...ann, attributes: { shoeSize: 38, segment: 'new' } });
  activities = createFlowActivities({ sql: db.sql, messaging: testMessaging, channels: recordingChannels() });
});

describe('action.tag', () => {
  it('changes the stored tags as they are now, and returns them for the run', async () => {
    // Another flow tagged the contact after this run began; the run's copy does not know.
    await updateContact(db.sql, 'ann', { tags: ['lead', 'newsletter'] });
    const command = effectCommand('action.tag', { add: ['vip', 'newsletter'], remove: ['lead'] }, { nodeId: 'tag' });

    const result = await activities.executeEffect({ run: runRef(), command });
    expect(result).toEqual({ status: 'done', patch: { contact: { tags: ['newsletter', 'vip'] } } });
    expect((await getContact(db.sql, 'ann'))?.tags).toEqual(['newsletter', 'vip']);
    expect(await findEffect(db.sql, 'run-1:tag:1')).toEqual(result);
  });

  it('applies once per key, even when the tags changed in between', async () => {
    const command = effectCommand('action.tag', { add: ['vip'] }, { nodeId: 'tag' });
    const first = await activities.executeEffect({ run: runRef(), command });
    await updateContact(db.sql, 'ann', { tags: [] });
    expect(await activities.executeEffect({ run: runRef(), command })).toEqual(first);
    expect((await getContact(db.sql, 'ann'))?.tags).toEqual([]);
  });

  it('test runs change only the run’s copy', async () => {
    const run = runRef({ runId: 'test-run', test: true });
    const command = effectCommand('action.tag', { add: ['vip'] }, { run, contact: { ...ann, tags: ['sample'] } });
    expect(await activities.executeEffect({ run, command })).toEqual({ status: 'done', patch: { contact: { tags: ['sample', 'vip'] } } });
    expect((await getContact(db.sql, 'ann'))?.tags).toEqual(['lead']);
  });

  it('a contact that is not stored: fails the node without retries', async () => {
    const run = runRef({ contactId: 'ghost' });
    expect(await failureOf(activities.executeEffect({ run, command: effectCommand('action.tag', { add: ['vip'] }, { run }) }))).toMatchObject({
      type: INVALID_INPUT_ERROR,
      nonRetryable: true,
      message: 'contact "ghost" is not in the database',
    });
  });
});

describe('action.updateContact', () => {
  it('sets and clears fields and attributes on the stored contact, and returns the changes', async () => {
    const command = effectCommand('action.updateContact', { set: { customerType: 'vip', phone: null, 'attributes.segment': 'loyal', 'attributes.shoeSize': null } });

    const result = await activities.executeEffect({ run: runRef(), command });
    // null, not undefined: the cleared phone must survive the JSON the result travels in.
    expect(JSON.parse(JSON.stringify(result))).toEqual({ status: 'done', patch: { contact: { customerType: 'vip', phone: null, attributes: { segment: 'loyal' } } } });
    const stored = await getContact(db.sql, 'ann');
    expect(stored).toMatchObject({ customerType: 'vip', attributes: { segment: 'loyal' } });
    expect(stored && 'phone' in stored).toBe(false);
  });

  it('merges attributes with what is stored now, not with the run’s copy', async () => {
    await updateContact(db.sql, 'ann', { attributes: { shoeSize: 39, segment: 'new', points: 120 } });
    const command = effectCommand('action.updateContact', { set: { 'attributes.segment': 'loyal' } });
    expect(await activities.executeEffect({ run: runRef(), command })).toEqual({
      status: 'done',
      patch: { contact: { attributes: { shoeSize: 39, segment: 'loyal', points: 120 } } },
    });
  });

  it('test runs change only the run’s copy', async () => {
    const run = runRef({ runId: 'test-run', test: true });
    const command = effectCommand('action.updateContact', { set: { group: 'B2B', firstName: null } }, { run });
    expect(await activities.executeEffect({ run, command })).toStrictEqual({ status: 'done', patch: { contact: { group: 'B2B', firstName: null } } });
    expect((await getContact(db.sql, 'ann'))?.group).toBeUndefined();
  });
});
