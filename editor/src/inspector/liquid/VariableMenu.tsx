import { Braces } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useFormEnv } from '../form/form-env';
import { variableTag } from './template-variables';
import './liquid.css';

/**
 * "Insert variable": a menu of the variables a template can use; choosing one inserts
 * `{{ contact.firstName }}` at the caret of the control it `controls`.
 */
export function VariableMenu({ controls, onInsert }: { controls: string; onInsert(tag: string): void }) {
  const { variables } = useFormEnv();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      root.current?.querySelector<HTMLElement>('button')?.focus();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      move(at + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      move(at - 1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      move(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      move(items.length - 1);
    }
  };

  return (
    <div className="nf-variable-menu" ref={root}>
      <button
        type="button"
        className="nf-button nf-button--ghost nf-button--small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${menuId} ${controls}` : controls}
        onClick={() => setOpen(!open)}
      >
        <Braces aria-hidden />
        Insert variable
      </button>
      {open ? (
        <div id={menuId} ref={menu} role="menu" aria-label="Variables" className="nf-variable-menu__list" onKeyDown={onKeyDown}>
          {variables.map((group) => (
            <div key={group.title} role="group" aria-label={group.title}>
              <div className="nf-variable-menu__group" aria-hidden>
                {group.title}
              </div>
              {group.variables.map((variable) => (
                <button
                  key={variable}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="nf-variable-menu__item"
                  onClick={() => {
                    setOpen(false);
                    onInsert(variableTag(variable));
                  }}
                >
                  {variable}
                </button>
              ))}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
