import { X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../app/error-message';
import { EmailFrame } from '../../test-panel/timeline/EmailFrame';
import { StatusBadge } from '../../test-panel/timeline/StatusBadge';
import { channelLabel, messageTime } from './message-format';
import { messageHtml, type MessageItem } from './messages-api';

type Html = { for: string; html: string } | { for: string; failure: string };

/** An email as HTML, rendered by the server from the MJML it stored with the message. */
function StoredEmail({ message }: { message: MessageItem }) {
  const api = useApi();
  const [html, setHtml] = useState<Html>();
  useEffect(() => {
    let current = true;
    messageHtml(api, message.id).then(
      (result) => current && setHtml({ for: message.id, html: result.html }),
      (error: unknown) => current && setHtml({ for: message.id, failure: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, message.id]);
  if (html?.for !== message.id) return <p className="nf-hint">Rendering the email…</p>;
  if ('failure' in html) return <p className="nf-hint">The email cannot be shown: {html.failure}</p>;
  return <EmailFrame html={html.html} title={`Email: ${message.subject ?? 'no subject'}`} />;
}

function Content({ message }: { message: MessageItem }) {
  switch (message.channel) {
    case 'email':
      return message.body ? <StoredEmail message={message} /> : <p className="nf-hint">Nothing was rendered: the email was not sent.</p>;
    case 'sms':
      return <p className="nf-message-content nf-message-content--sms">{message.body ?? ''}</p>;
    case 'webhook':
      return (
        <div className="nf-message-content">
          <code className="nf-message-content__request">{message.to}</code>
          {message.body ? <pre className="nf-message-content__body">{message.body}</pre> : null}
          <p>Response: {message.reason ?? message.status}</p>
        </div>
      );
    case 'internal':
      return <p className="nf-message-content__text">{message.body ?? ''}</p>;
    default: {
      const unknown: never = message.channel;
      return <p>{String(unknown)}</p>;
    }
  }
}

/** One message in full: who it went to, its status and why, and its content as the recipient sees it. */
export function MessageDetail({ message, flowName, onClose }: { message: MessageItem; flowName: string | undefined; onClose(): void }) {
  return (
    <section className="nf-message-detail" aria-label="Message">
      <header className="nf-message-detail__header">
        <h2>
          {channelLabel(message.channel)}
          {message.subject ? `: ${message.subject}` : ''}
        </h2>
        <button type="button" className="nf-button nf-button--ghost nf-button--icon" aria-label="Close the message" onClick={onClose}>
          <X aria-hidden />
        </button>
      </header>
      <dl className="nf-message-detail__facts">
        <dt>To</dt>
        <dd>{message.to ?? '—'}</dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={message.status} /> {message.reason ?? ''}
        </dd>
        <dt>Flow</dt>
        <dd>
          {flowName ?? message.flowId ?? '—'}
          {message.nodeId ? <span className="nf-muted"> · node {message.nodeId}</span> : null}
          {message.test ? <span className="nf-badge nf-message-test">Test</span> : null}
        </dd>
        <dt>Created</dt>
        <dd>{messageTime(message.createdAt)}</dd>
        {message.provider ? (
          <>
            <dt>Sent through</dt>
            <dd>
              {message.provider}
              {message.providerId ? <span className="nf-muted"> · {message.providerId}</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      <Content message={message} />
    </section>
  );
}
