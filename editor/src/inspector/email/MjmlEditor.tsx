import type { Problem } from '@nudgeflow/shared';
import { AlertCircle } from 'lucide-react';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ControlIds } from '../form/Field';
import { INDENT, lineNumbers } from '../liquid/insert-text';
import { useTextInsert } from '../liquid/use-text-insert';
import { VariableMenu } from '../liquid/VariableMenu';
import type { PreviewError } from './preview-api';

interface MjmlEditorProps {
  ids: ControlIds;
  text: string;
  onChange(next: string): void;
  /** The validator's problems for this field (shown by the field); their lines are marked here. */
  problems: readonly Problem[];
  /** What only the renderer found (MJML errors). */
  previewErrors: readonly PreviewError[];
}

/**
 * A monospace editor with line numbers. Tab indents, as in any code editor; Escape, then Tab,
 * moves on to the next control so keyboard users are never trapped.
 */
export function MjmlEditor({ ids, text, onChange, problems, previewErrors }: MjmlEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const errorsId = useId();
  const [leaving, setLeaving] = useState(false);
  const insert = useTextInsert(ref, text, onChange);
  const errorLines = new Set([...problems, ...previewErrors].flatMap((p) => (p.line === undefined ? [] : [p.line])));

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape' && !leaving) {
      // The first Escape only releases Tab; a second one reaches the dialog around the editor, if any.
      e.preventDefault();
      setLeaving(true);
      return;
    }
    if (e.key === 'Tab' && !leaving && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      insert(INDENT);
    }
    setLeaving(false);
  };

  const describedBy = [ids.describedBy, previewErrors.length > 0 ? errorsId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="nf-mjml">
      <div className="nf-mjml__toolbar">
        <span className="nf-hint">Tab indents · Esc, then Tab, leaves the editor</span>
        <VariableMenu controls={ids.id} onInsert={insert} />
      </div>
      <div className="nf-mjml__editor">
        <div ref={gutter} className="nf-mjml__gutter" aria-hidden>
          {lineNumbers(text).map((n) => (
            <div key={n} className={errorLines.has(n) ? 'nf-mjml__line nf-mjml__line--error' : 'nf-mjml__line'}>
              {n}
            </div>
          ))}
        </div>
        <textarea
          ref={ref}
          id={ids.id}
          aria-describedby={describedBy}
          aria-invalid={ids.invalid || previewErrors.length > 0 || undefined}
          className="nf-mjml__text"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          wrap="off"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
      {previewErrors.length > 0 ? (
        <ul id={errorsId} className="nf-field-problems">
          {previewErrors.map((error, i) => (
            <li key={i} className="nf-field-problem nf-field-problem--error">
              <AlertCircle aria-hidden />
              <span>
                {error.line !== undefined ? `Line ${error.line}: ` : ''}
                {error.message}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
