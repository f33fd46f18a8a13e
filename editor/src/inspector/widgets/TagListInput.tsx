import { X } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import { asList } from '../form/config-edit';
import { controlAttributes, type InputProps } from './input-props';

/** A list of words: Enter (or a comma) adds what was typed, × removes a tag, Backspace in the empty box the last one. */
export function TagListInput({ ids, value, onChange, examples = [] }: InputProps & { examples?: readonly string[] }) {
  const [text, setText] = useState('');
  const tags = asList(value).map(String);

  const add = () => {
    const tag = text.trim();
    setText('');
    if (tag !== '' && !tags.includes(tag)) onChange([...tags, tag]);
  };
  const remove = (index: number) => onChange(tags.filter((_, i) => i !== index));
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
      remove(tags.length - 1);
    }
  };

  return (
    <div className="nf-tags">
      {tags.length > 0 ? (
        <ul className="nf-tags__list">
          {tags.map((tag, i) => (
            <li key={`${tag}-${i}`} className="nf-tag">
              <span>{tag}</span>
              <button type="button" className="nf-tag__remove" aria-label={`Remove ${tag}`} onClick={() => remove(i)}>
                <X aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        {...controlAttributes(ids)}
        className="nf-input"
        value={text}
        placeholder={examples[0] ? `e.g. ${examples[0]}, then Enter` : 'Type and press Enter'}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
    </div>
  );
}
