export type StatusTone = 'ok' | 'warning' | 'danger' | 'neutral';

/** How a message or effect status looks: sent and done are fine, skipped is a warning, failed is not. */
export function statusTone(status: string): StatusTone {
  switch (status) {
    case 'sent':
    case 'delivered':
    case 'done':
      return 'ok';
    case 'skipped':
      return 'warning';
    case 'failed':
    case 'bounced':
      return 'danger';
    default:
      return 'neutral';
  }
}
