/**
 * Typed search-attribute keys, shared by the workflow (which upserts the node) and the client
 * (which sets flow and contact at start). No workflow APIs here, so runtime code may import it.
 */
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import { SEARCH_ATTRIBUTES, type RunRef } from './contract';

export const flowIdKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.flowId, SearchAttributeType.KEYWORD);
export const nodeIdKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.nodeId, SearchAttributeType.KEYWORD);
export const contactIdKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.contactId, SearchAttributeType.KEYWORD);

/** Who the run is for: set once, at start. */
export function runSearchAttributes(run: RunRef): SearchAttributePair[] {
  return [
    { key: flowIdKey, value: run.flowId },
    { key: contactIdKey, value: run.contactId },
  ];
}
