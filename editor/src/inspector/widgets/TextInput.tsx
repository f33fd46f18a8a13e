import { useId } from 'react';
import { controlAttributes, type InputProps } from './input-props';

/** Plain text; examples become the placeholder and, when there are several, suggestions. */
export function TextInput({ ids, value, onChange, required, examples = [] }: InputProps & { examples?: readonly string[] }) {
  const listId = useId();
  const suggest = examples.length > 1;
  return (
    <>
      <input
        {...controlAttributes(ids)}
        className="nf-input"
        type="text"
        value={typeof value === 'string' ? value : ''}
        placeholder={examples[0] ? `e.g. ${examples[0]}` : undefined}
        list={suggest ? listId : undefined}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value === '' && !required ? undefined : e.target.value)}
      />
      {suggest ? (
        <datalist id={listId}>
          {examples.map((example) => (
            <option key={example} value={example} />
          ))}
        </datalist>
      ) : null}
    </>
  );
}
