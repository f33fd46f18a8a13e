import { navigate } from './hash-route';

/** Asked before the app's own links leave the page; false keeps the person where they are. */
export type LeaveGuard = () => Promise<boolean>;

let current: LeaveGuard | undefined;

/** The editor sets one while it is open (save first, or ask); returns the removal. */
export function setLeaveGuard(guard: LeaveGuard): () => void {
  current = guard;
  return () => {
    if (current === guard) current = undefined;
  };
}

/** Goes to `href` once the page allows it. */
export async function leaveTo(href: string): Promise<void> {
  if (!current || (await current())) navigate(href);
}
