import { statusTone } from './message-status';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`nf-message-status nf-message-status--${statusTone(status)}`}>{status}</span>;
}
