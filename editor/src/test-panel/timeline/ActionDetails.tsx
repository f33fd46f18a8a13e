import type { SimAction } from '@nudgeflow/shared';
import type { PreviewSample } from '../../inspector/email/preview-api';
import { EmailMessage } from './EmailMessage';

/** What a message said, in full: the email, the SMS text, the webhook request, the staff alert. */
export function ActionDetails({ action, sample }: { action: SimAction; sample: PreviewSample }) {
  switch (action.channel) {
    case 'email':
      return <EmailMessage action={action} sample={sample} />;
    case 'sms':
      return action.body ? <p className="nf-message-content nf-message-content--sms">{action.body}</p> : null;
    case 'webhook':
      return (
        <div className="nf-message-content">
          <code className="nf-message-content__request">{action.to}</code>
          {action.body ? <pre className="nf-message-content__body">{action.body}</pre> : null}
        </div>
      );
    case 'internal':
      return (
        <div className="nf-message-content">
          {action.subject ? <p className="nf-message-content__subject">{action.subject}</p> : null}
          {action.body ? <p className="nf-message-content__text">{action.body}</p> : null}
        </div>
      );
    case undefined:
      return null;
    default: {
      const unknown: never = action.channel;
      return <p>{String(unknown)}</p>;
    }
  }
}
