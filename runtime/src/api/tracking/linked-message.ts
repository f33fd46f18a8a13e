import { getMessageByKey, type MessageRecord } from '../../db';
import { verifyLink, type LinkKind, type LinkTarget } from '../../links/link-token';
import type { TrackingRouteDeps } from './deps';

export type LinkOf<K extends LinkKind> = Extract<LinkTarget, { kind: K }>;

/**
 * What a followed link names: its target when the token is ours and of the kind this route
 * answers (a valid open token is no click link), and the message, if it is still stored.
 * Undefined for anything else, which the routes answer with 404.
 */
export async function linkedMessage<K extends LinkKind>(
  deps: Pick<TrackingRouteDeps, 'sql' | 'messaging'>,
  token: string,
  kind: K,
): Promise<{ link: LinkOf<K>; message: MessageRecord | undefined } | undefined> {
  const link = verifyLink(deps.messaging.linkSecret, token);
  if (link?.kind !== kind) return undefined;
  return { link: link as LinkOf<K>, message: await getMessageByKey(deps.sql, link.message) };
}
