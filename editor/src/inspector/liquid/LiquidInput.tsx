import { useRef } from 'react';
import { controlAttributes, type InputProps } from '../widgets/input-props';
import { useTextInsert } from './use-text-insert';
import { VariableMenu } from './VariableMenu';

/** Text with Liquid in it: a box that grows with its lines, and the "Insert variable" menu. */
export function LiquidInput({ ids, value, onChange, required }: InputProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const text = typeof value === 'string' ? value : '';
  const write = (next: string) => onChange(next === '' && !required ? undefined : next);
  const insert = useTextInsert(ref, text, write);
  const rows = Math.min(8, Math.max(2, text.split('\n').length));
  return (
    <div className="nf-liquid">
      <textarea {...controlAttributes(ids)} ref={ref} className="nf-textarea nf-liquid__text" rows={rows} value={text} onChange={(e) => write(e.target.value)} />
      <VariableMenu controls={ids.id} onInsert={insert} />
    </div>
  );
}
