import { RotateCcw } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import type { FlowSummary } from '../../api/types';
import { useApi } from '../../app/api-context';
import { LoadError, Loading } from '../../app/Status';
import { MessageDetail } from './MessageDetail';
import { MessageTable } from './MessageTable';
import { channelLabel } from './message-format';
import { messageChannels, type MessageChannel } from './messages-api';
import { useMessageList } from './use-message-list';

/**
 * The message log, and in development the outbox: every email, SMS, webhook call and staff alert
 * with its status and why, test runs' messages marked; one opens in full beside the list.
 */
export function MessagesPage() {
  const api = useApi();
  const [channel, setChannel] = useState<MessageChannel | ''>('');
  const [flowId, setFlowId] = useState('');
  const { list, loadMore, reload } = useMessageList({ ...(channel ? { channel } : {}), ...(flowId ? { flowId } : {}) });
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [openId, setOpenId] = useState<string>();
  const id = useId();

  // Flow names for the filter and the rows; the list works without them.
  useEffect(() => {
    let current = true;
    api.listFlows().then(
      (all) => current && setFlows(all),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);
  const flowNames = useMemo(() => new Map(flows.map((f) => [f.id, f.name])), [flows]);
  const open = list.state === 'ready' ? list.items.find((m) => m.id === openId) : undefined;

  return (
    <main className="nf-page nf-messages-page">
      <div className="nf-page__heading">
        <h1>Messages</h1>
        <div className="nf-page__actions">
          <button type="button" className="nf-button" onClick={reload}>
            <RotateCcw aria-hidden />
            Refresh
          </button>
        </div>
      </div>
      <div className="nf-messages-filters">
        <div className="nf-field">
          <label className="nf-label" htmlFor={`${id}-channel`}>
            Channel
          </label>
          <select id={`${id}-channel`} className="nf-select" value={channel} onChange={(e) => setChannel(e.target.value as MessageChannel | '')}>
            <option value="">All channels</option>
            {messageChannels.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="nf-field">
          <label className="nf-label" htmlFor={`${id}-flow`}>
            Flow
          </label>
          <select id={`${id}-flow`} className="nf-select" value={flowId} onChange={(e) => setFlowId(e.target.value)}>
            <option value="">All flows</option>
            {flows.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.state === 'loading' ? <Loading label="Loading messages…" /> : null}
      {list.state === 'failed' ? <LoadError title="The messages could not be loaded" message={list.message} onRetry={reload} /> : null}
      {list.state === 'ready' ? (
        <div className={open ? 'nf-messages nf-messages--open' : 'nf-messages'}>
          <div className="nf-messages__list">
            {list.items.length === 0 ? (
              <p className="nf-state">No messages{channel || flowId ? ' match the filter' : ' yet: they appear here as flows (and live tests) send them'}.</p>
            ) : (
              <MessageTable messages={list.items} flowNames={flowNames} openId={openId} onOpen={setOpenId} />
            )}
            {list.nextCursor ? (
              <button type="button" className="nf-button nf-messages__more" disabled={list.loadingMore} onClick={loadMore}>
                {list.loadingMore ? 'Loading…' : 'Load older messages'}
              </button>
            ) : null}
            {list.moreError ? (
              <p className="nf-error-text" role="alert">
                Older messages could not be loaded: {list.moreError}
              </p>
            ) : null}
          </div>
          {open ? <MessageDetail key={open.id} message={open} flowName={open.flowId ? flowNames.get(open.flowId) : undefined} onClose={() => setOpenId(undefined)} /> : null}
        </div>
      ) : null}
    </main>
  );
}
