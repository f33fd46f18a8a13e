import type { MouseEvent, ReactNode } from 'react';
import { leaveTo } from './leave-guard';

/** An in-app link that lets the open page save (or ask) before it goes; modified clicks behave as usual. */
export function GuardedLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void leaveTo(href);
  };
  return (
    <a href={href} className={className} onClick={click}>
      {children}
    </a>
  );
}
