import { parseDuration } from '@nudgeflow/shared';

export const durationUnits = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof durationUnits)[number];

export const unitSeconds: Record<DurationUnit, number> = { minutes: 60, hours: 3600, days: 86400, weeks: 604800 };

/** What the picker shows: an amount and a unit. */
export interface DurationParts {
  amount: number;
  unit: DurationUnit;
}

/** The largest unit that divides the seconds evenly; undefined below a minute or for odd seconds. */
export function splitSeconds(seconds: number): DurationParts | undefined {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds % 60 !== 0) return undefined;
  if (seconds === 0) return { amount: 0, unit: 'minutes' };
  const unit = [...durationUnits].reverse().find((u) => seconds % unitSeconds[u] === 0) ?? 'minutes';
  return { amount: seconds / unitSeconds[unit], unit };
}

const isoPattern = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * An ISO 8601 duration (shared/src/time/duration.ts's form) as amount and unit, in the unit it
 * was written in ("PT24H" is 24 hours, not 1 day); a mix ("P1DT12H") in the largest unit that
 * fits. Undefined when the picker cannot show it (seconds, or not a duration).
 */
export function splitIsoDuration(text: string): DurationParts | undefined {
  const seconds = parseDuration(text);
  const match = isoPattern.exec(text);
  if (seconds === undefined || !match) return undefined;
  const [, weeks, days, hours, minutes, secs] = match;
  const written: [string | undefined, DurationUnit][] = [
    [weeks, 'weeks'],
    [days, 'days'],
    [hours, 'hours'],
    [minutes, 'minutes'],
  ];
  const present = written.filter(([amount]) => amount !== undefined);
  const only = present.length === 1 && secs === undefined ? present[0] : undefined;
  return only ? { amount: Number(only[0]), unit: only[1] } : splitSeconds(seconds);
}

/** Whole seconds; a fractional amount ("1.5 hours") is exact to the second. */
export function partsToSeconds(parts: DurationParts): number {
  return Math.round(parts.amount * unitSeconds[parts.unit]);
}

/** "PT30M", "PT24H", "P3D", "P2W"; a fractional amount in the smallest unit that keeps it whole ("1.5 hours" is "PT90M"). */
export function joinIsoDuration(parts: DurationParts): string {
  if (Number.isInteger(parts.amount) && parts.amount >= 0) {
    const n = parts.amount;
    switch (parts.unit) {
      case 'weeks':
        return `P${n}W`;
      case 'days':
        return `P${n}D`;
      case 'hours':
        return `PT${n}H`;
      case 'minutes':
        return `PT${n}M`;
      default: {
        const unknown: never = parts.unit;
        throw new Error(`unknown unit ${String(unknown)}`);
      }
    }
  }
  const seconds = Math.abs(partsToSeconds(parts));
  return seconds % 60 === 0 ? `PT${seconds / 60}M` : `PT${seconds}S`;
}
