import { StatusBadge } from '../../test-panel/timeline/StatusBadge';
import { channelLabel, messageHeadline, messageTime } from './message-format';
import type { MessageItem } from './messages-api';

export interface MessageTableProps {
  messages: MessageItem[];
  flowNames: ReadonlyMap<string, string>;
  openId: string | undefined;
  onOpen(id: string): void;
}

/** Newest first: when, channel, recipient, subject or first line (a button that opens it), status and why, flow. */
export function MessageTable({ messages, flowNames, openId, onOpen }: MessageTableProps) {
  return (
    <table className="nf-table nf-message-table">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Channel</th>
          <th scope="col">To</th>
          <th scope="col">Message</th>
          <th scope="col">Status</th>
          <th scope="col">Flow</th>
        </tr>
      </thead>
      <tbody>
        {messages.map((message) => (
          <tr key={message.id} className={message.id === openId ? 'nf-message-table__row--open' : undefined}>
            <td className="nf-message-table__time">
              <time dateTime={message.createdAt}>{messageTime(message.createdAt)}</time>
            </td>
            <td>{channelLabel(message.channel)}</td>
            <td className="nf-message-table__to">{message.to ?? '—'}</td>
            <td>
              <button type="button" className="nf-message-table__open" aria-expanded={message.id === openId} onClick={() => onOpen(message.id)}>
                {messageHeadline(message)}
              </button>
            </td>
            <td>
              <StatusBadge status={message.status} />
              {message.reason ? <div className="nf-hint">{message.reason}</div> : null}
            </td>
            <td>
              {message.flowId ? (flowNames.get(message.flowId) ?? message.flowId) : '—'}
              {message.test ? <span className="nf-badge nf-message-test">Test</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
