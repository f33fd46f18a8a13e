import type { FlowStatus } from '../../api/types';

export function statusLabel(status: FlowStatus): string {
  switch (status) {
    case 'draft':
      return 'Draft';
    case 'active':
      return 'Active';
    case 'paused':
      return 'Paused';
    default: {
      const unknown: never = status;
      return String(unknown);
    }
  }
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date ("12 Mar 2026"). */
export function formatUpdated(iso: string, now: Date): string {
  const then = new Date(iso);
  const ago = now.getTime() - then.getTime();
  if (ago < minute) return 'just now';
  if (ago < hour) return `${Math.floor(ago / minute)} min ago`;
  if (ago < day) return `${Math.floor(ago / hour)} h ago`;
  if (ago < 7 * day) {
    const days = Math.floor(ago / day);
    return days === 1 ? 'yesterday' : `${days} days ago`;
  }
  return then.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}
