import type { Contact } from '@nudgeflow/shared';
import { updateContact } from '../../db/contacts';
import { invalidInput } from '../errors';
import { defineExecutor } from '../executor-registry';

interface TagConfig {
  add: string[];
  remove: string[];
}

function retag(tags: string[], config: TagConfig): string[] {
  const kept = tags.filter((t) => !config.remove.includes(t));
  return [...kept, ...config.add.filter((t) => !kept.includes(t))];
}

/**
 * action.tag: changes the stored contact's tags, computed from the tags it has now under a row
 * lock, so a tag another flow added meanwhile is kept. Test runs change only the run's copy.
 */
export const tagExecutor = defineExecutor<TagConfig>({
  type: 'action.tag',
  kind: 'transaction',
  async execute({ run, command, config, db }) {
    if (run.test) return { status: 'done', patch: { contact: { tags: retag(command.context.contact.tags, config) } } };
    const updated = await updateContact(db, run.contactId, (current: Contact) => ({ tags: retag(current.tags, config) }));
    if (!updated) throw invalidInput(`contact "${run.contactId}" is not in the database`);
    return { status: 'done', patch: { contact: { tags: updated.tags } } };
  },
});
