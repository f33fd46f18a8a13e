import { useState } from 'react';
import { useDraft } from '../form/use-draft';
import { controlAttributes, type InputProps } from '../widgets/input-props';
import { durationUnits, joinIsoDuration, partsToSeconds, splitIsoDuration, splitSeconds, type DurationParts, type DurationUnit } from './duration-units';

type Encoding = 'iso' | 'seconds';

function split(value: unknown, encoding: Encoding): DurationParts | undefined {
  if (encoding === 'iso') return typeof value === 'string' ? splitIsoDuration(value) : undefined;
  return typeof value === 'number' ? splitSeconds(value) : undefined;
}

function join(parts: DurationParts, encoding: Encoding): string | number {
  return encoding === 'iso' ? joinIsoDuration(parts) : partsToSeconds(parts);
}

const formatAmount = (amount: number | undefined) => (amount === undefined ? '' : String(amount));
const parseAmount = (text: string) => (text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Number(text));

/**
 * A duration as an amount and a unit (minutes to weeks), written as ISO 8601 ("PT24H") or whole
 * seconds. A value the picker cannot show (90 seconds) is edited as it is written.
 */
export function DurationInput({ ids, value, onChange, encoding }: InputProps & { encoding: Encoding }) {
  const parts = split(value, encoding);
  // The unit chosen while the amount is still empty.
  const [pendingUnit, setPendingUnit] = useState<DurationUnit>('hours');
  const unit = parts?.unit ?? pendingUnit;
  const amount = useDraft<number | undefined>(parts?.amount, formatAmount, parseAmount);
  const unreadable = value !== undefined && value !== '' && parts === undefined;

  if (unreadable)
    return (
      <>
        <input
          {...controlAttributes(ids)}
          className="nf-input nf-mono"
          value={String(value)}
          onChange={(e) => onChange(encoding === 'iso' ? e.target.value : parseAmount(e.target.value))}
        />
        <p className="nf-hint">{encoding === 'iso' ? 'Written as an ISO 8601 duration, e.g. PT30M, PT24H or P3D.' : 'In seconds.'}</p>
      </>
    );

  return (
    <div className="nf-duration">
      <input
        {...controlAttributes(ids)}
        className="nf-input nf-input--number"
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        value={amount.text}
        onChange={(e) => {
          const next = amount.edit(e.target.value);
          onChange(next === undefined ? undefined : join({ amount: next, unit }, encoding));
        }}
        onBlur={amount.reset}
      />
      <select
        className="nf-select"
        aria-label="Unit"
        value={unit}
        onChange={(e) => {
          const next = e.target.value as DurationUnit;
          setPendingUnit(next);
          if (parts) onChange(join({ amount: parts.amount, unit: next }, encoding));
        }}
      >
        {durationUnits.map((u) => (
          <option key={u} value={u}>
            {u}
          </option>
        ))}
      </select>
    </div>
  );
}
