import { useId } from 'react';
import { joinPath } from '../form/control-paths';
import { Group, ProblemList } from '../form/Field';
import { useFormEnv } from '../form/form-env';
import { ObjectFields } from '../form/ObjectFields';
import { labelFor, type Widget } from '../form/schema-widget';
import { selectedVariant, switchVariant } from '../form/variants';

interface VariantsEditorProps {
  label?: string | undefined;
  help?: string | undefined;
  path: string;
  widget: Extract<Widget, { kind: 'variants' }>;
  value: unknown;
  onChange(next: unknown): void;
}

/** A choice of variant (its discriminator as a select), then the chosen variant's own fields. */
export function VariantsEditor({ label, help, path, widget, value, onChange }: VariantsEditorProps) {
  const id = useId();
  const { problems } = useFormEnv();
  const { discriminator, variants } = widget;
  const variant = selectedVariant(variants, discriminator, value);
  const choicePath = joinPath(path, discriminator);
  const first = variants[0]?.schema.properties?.[discriminator];
  const choiceLabel = first ? labelFor(first, discriminator) : labelFor({}, discriminator);
  return (
    <Group label={label} help={help} path={path}>
      <div className="nf-field nf-form-field">
        <label className="nf-label" htmlFor={id}>
          {choiceLabel}
        </label>
        <select
          id={id}
          className="nf-select"
          value={variant?.value ?? ''}
          onChange={(e) => {
            const next = variants.find((v) => v.value === e.target.value);
            if (next) onChange(switchVariant(value, discriminator, next));
          }}
        >
          {variant ? null : (
            <option value="" disabled>
              Choose…
            </option>
          )}
          {variants.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
        <ProblemList problems={problems.get(choicePath) ?? []} />
      </div>
      {variant ? <ObjectFields path={path} schema={variant.schema} value={value} onChange={onChange} required skip={[discriminator]} /> : null}
    </Group>
  );
}
