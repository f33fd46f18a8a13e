import type { Contact, ContactChanges } from '@nudgeflow/shared';
import { updateContact } from '../../db/contacts';
import { invalidInput } from '../errors';
import { defineExecutor } from '../executor-registry';

interface UpdateContactConfig {
  set: Record<string, string | number | boolean | null>;
}

/** The fields to change: `attributes.x` keys merge into the attributes; null clears a field. */
function changesFor(contact: Contact, set: UpdateContactConfig['set']): ContactChanges {
  const changes: Record<string, unknown> = {};
  let attributes: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(set)) {
    if (key.startsWith('attributes.')) {
      attributes ??= { ...contact.attributes };
      const name = key.slice('attributes.'.length);
      if (value === null) delete attributes[name];
      else attributes[name] = value;
    } else changes[key] = value;
  }
  return { ...changes, ...(attributes ? { attributes } : {}) } as ContactChanges;
}

/**
 * action.updateContact: sets or clears fields on the stored contact (attributes merged with what
 * is stored now, under a row lock) and returns the same changes for the run's copy. Test runs
 * change only the run's copy.
 */
export const updateContactExecutor = defineExecutor<UpdateContactConfig>({
  type: 'action.updateContact',
  kind: 'transaction',
  async execute({ run, command, config, db }) {
    if (run.test) return { status: 'done', patch: { contact: changesFor(command.context.contact, config.set) } };
    let changes: ContactChanges = {};
    const updated = await updateContact(db, run.contactId, (current) => (changes = changesFor(current, config.set)));
    if (!updated) throw invalidInput(`contact "${run.contactId}" is not in the database`);
    return { status: 'done', patch: { contact: changes } };
  },
});
