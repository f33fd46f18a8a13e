import type { ControlIds } from '../form/Field';

/** What a single control gets: its ids (label, help, problems), the value and where edits go. */
export interface InputProps {
  ids: ControlIds;
  value: unknown;
  /** `undefined` removes the field from the config. */
  onChange(next: unknown): void;
  required: boolean;
}

export function controlAttributes(ids: ControlIds) {
  return { id: ids.id, 'aria-describedby': ids.describedBy, 'aria-invalid': ids.invalid || undefined };
}
