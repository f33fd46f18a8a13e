import {
  AlarmClock,
  Bell,
  Calendar,
  Clock,
  GitBranch,
  Hourglass,
  LogOut,
  Mail,
  MessageSquare,
  Moon,
  MousePointerClick,
  Puzzle,
  Receipt,
  Shuffle,
  ShoppingBag,
  Tag,
  Ticket,
  UserPen,
  Webhook,
  Zap,
  type LucideIcon,
} from 'lucide-react';
import { createElement } from 'react';

/*
 * Node types name their icon in lucide's kebab-case. Only the icons the catalog uses are bundled
 * (the whole set is several hundred kB); a plugin type with another icon gets the generic one.
 */
const icons: Record<string, LucideIcon> = {
  'alarm-clock': AlarmClock,
  bell: Bell,
  calendar: Calendar,
  clock: Clock,
  'git-branch': GitBranch,
  hourglass: Hourglass,
  'log-out': LogOut,
  mail: Mail,
  'message-square': MessageSquare,
  moon: Moon,
  'mouse-pointer-click': MousePointerClick,
  receipt: Receipt,
  shuffle: Shuffle,
  'shopping-bag': ShoppingBag,
  tag: Tag,
  ticket: Ticket,
  'user-pen': UserPen,
  webhook: Webhook,
  zap: Zap,
};

function nodeIcon(name: string | undefined): LucideIcon {
  return (name && icons[name]) || Puzzle;
}

/** A node type's icon by its lucide name; decorative, the type's title says what it is. */
export function NodeIcon({ name, size = 16 }: { name: string | undefined; size?: number }) {
  return createElement(nodeIcon(name), { size, 'aria-hidden': true, focusable: false });
}
