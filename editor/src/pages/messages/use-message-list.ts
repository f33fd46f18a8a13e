import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../app/error-message';
import { listMessages, type MessageFilter, type MessageItem } from './messages-api';

export type MessageList =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; items: MessageItem[]; nextCursor?: string; loadingMore: boolean; moreError?: string };

/** The messages for a filter, newest first, a page at a time. */
export function useMessageList(filter: MessageFilter): { list: MessageList; loadMore(): void; reload(): void } {
  const api = useApi();
  const [list, setList] = useState<MessageList>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { channel, flowId } = filter;

  useEffect(() => {
    let current = true;
    listMessages(api, { ...(channel ? { channel } : {}), ...(flowId ? { flowId } : {}) }).then(
      (page) => current && setList({ state: 'ready', items: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), loadingMore: false }),
      (error: unknown) => current && setList({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, channel, flowId, attempt]);

  const loadMore = useCallback(() => {
    if (list.state !== 'ready' || !list.nextCursor || list.loadingMore) return;
    const { items, nextCursor } = list;
    setList({ ...list, loadingMore: true, moreError: undefined });
    listMessages(api, { ...(channel ? { channel } : {}), ...(flowId ? { flowId } : {}) }, nextCursor).then(
      (page) => setList({ state: 'ready', items: [...items, ...page.items], ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), loadingMore: false }),
      (error: unknown) => setList({ state: 'ready', items, nextCursor, loadingMore: false, moreError: errorMessage(error) }),
    );
  }, [api, channel, flowId, list]);

  const reload = useCallback(() => {
    setList({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { list, loadMore, reload };
}
