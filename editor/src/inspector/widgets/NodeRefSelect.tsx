import type { NodeChoice } from '../form/form-env';
import { SelectInput } from './SelectInput';
import type { InputProps } from './input-props';

/** A field naming another node of this flow: a choice among the nodes it may name. */
export function NodeRefSelect({ choices, ...props }: InputProps & { choices: readonly NodeChoice[] }) {
  const options = choices.map((c) => ({ value: c.id, label: c.label }));
  return <SelectInput {...props} required options={options} placeholder={choices.length > 0 ? 'Choose a node…' : 'No suitable node in this flow yet'} />;
}
