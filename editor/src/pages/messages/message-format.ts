import type { MessageChannel, MessageItem } from './messages-api';

export function channelLabel(channel: MessageChannel): string {
  switch (channel) {
    case 'email':
      return 'Email';
    case 'sms':
      return 'SMS';
    case 'webhook':
      return 'Webhook';
    case 'internal':
      return 'Staff alert';
    default: {
      const unknown: never = channel;
      return String(unknown);
    }
  }
}

const MAX_LINE = 90;

function firstLine(text: string | undefined): string | undefined {
  const line = text?.split('\n').find((l) => l.trim() !== '')?.trim();
  if (line === undefined) return undefined;
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

/** What the list shows of a message: an email's or alert's subject, an SMS's first line, a webhook's request line. */
export function messageHeadline(message: MessageItem): string {
  switch (message.channel) {
    case 'email':
    case 'internal':
      return message.subject ?? firstLine(message.body) ?? '(no subject)';
    case 'sms':
      return firstLine(message.body) ?? '(empty)';
    case 'webhook':
      return message.to ?? '(no address)';
    default: {
      const unknown: never = message.channel;
      return String(unknown);
    }
  }
}

/** "12 Mar 2026, 14:05": when the message was made (the list is newest first). */
export function messageTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
