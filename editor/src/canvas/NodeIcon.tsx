import {
  AlarmClock,
  Award,
  Bell,
  Calendar,
  Clock,
  Cloud,
  Coins,
  CreditCard,
  Crown,
  Database,
  Gift,
  GitBranch,
  Globe,
  Heart,
  Hourglass,
  LogOut,
  Mail,
  MessageCircle,
  MessageSquare,
  Moon,
  MousePointerClick,
  Package,
  Percent,
  Phone,
  Puzzle,
  Receipt,
  Send,
  ShoppingBag,
  Shuffle,
  Star,
  Tag,
  ThumbsUp,
  Ticket,
  Truck,
  UserPen,
  Users,
  Webhook,
  Zap,
  type LucideIcon,
} from 'lucide-react';
import { createElement } from 'react';

/*
 * Node types name their icon in lucide's kebab-case. Only the icons the built-in types use, and a
 * set of common ones for custom types, are bundled (the whole set is several hundred kB); a
 * custom type with another icon gets the generic one (the README lists the set).
 */
const icons: Record<string, LucideIcon> = {
  'alarm-clock': AlarmClock,
  award: Award,
  bell: Bell,
  calendar: Calendar,
  clock: Clock,
  cloud: Cloud,
  coins: Coins,
  'credit-card': CreditCard,
  crown: Crown,
  database: Database,
  gift: Gift,
  'git-branch': GitBranch,
  globe: Globe,
  heart: Heart,
  hourglass: Hourglass,
  'log-out': LogOut,
  mail: Mail,
  'message-circle': MessageCircle,
  'message-square': MessageSquare,
  moon: Moon,
  'mouse-pointer-click': MousePointerClick,
  package: Package,
  percent: Percent,
  phone: Phone,
  receipt: Receipt,
  send: Send,
  'shopping-bag': ShoppingBag,
  shuffle: Shuffle,
  star: Star,
  tag: Tag,
  'thumbs-up': ThumbsUp,
  ticket: Ticket,
  truck: Truck,
  'user-pen': UserPen,
  users: Users,
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
