import { z } from 'zod';

const pattern = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * Parses an ISO 8601 duration into seconds. Weeks, days, hours, minutes and seconds only:
 * months and years have no fixed length, so a flow says P30D instead of P1M.
 */
export function parseDuration(text: string): number | undefined {
  const m = pattern.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, w, d, h, min, s] = m.map((x) => (x === undefined ? 0 : Number(x)));
  return (w ?? 0) * 604800 + (d ?? 0) * 86400 + (h ?? 0) * 3600 + (min ?? 0) * 60 + (s ?? 0);
}

export function durationHint(text: string): string {
  if (/^P.*[YM].*$/.test(text) && !text.includes('T')) return `"${text}" uses months or years; write days instead, e.g. P30D`;
  return `"${text}" is not an ISO 8601 duration; write e.g. PT30M (30 minutes), PT24H (24 hours) or P3D (3 days)`;
}

export const durationSchema = z
  .string()
  .superRefine((text, ctx) => {
    const seconds = parseDuration(text);
    if (seconds === undefined) ctx.addIssue({ code: 'custom', message: durationHint(text) });
    else if (seconds === 0) ctx.addIssue({ code: 'custom', message: 'a duration must be longer than zero' });
  })
  .meta({ format: 'duration' });

/** "PT24H" -> "24 h", "P3D" -> "3 days", "PT90M" -> "1 h 30 min". For summaries and timelines. */
export function formatSeconds(total: number): string {
  if (total === 0) return '0 s';
  const parts: string[] = [];
  let rest = Math.abs(total);
  const units: [number, string, string][] = [
    [86400, 'day', 'days'],
    [3600, 'h', 'h'],
    [60, 'min', 'min'],
    [1, 's', 's'],
  ];
  for (const [size, one, many] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(`${n} ${n === 1 ? one : many}`);
      rest -= n * size;
    }
  }
  return (total < 0 ? '-' : '') + parts.join(' ');
}

/** Keeps the units the marketer wrote: "PT24H" stays "24 h" (not "1 day"), "P1DT36H" is "1 day 36 h". */
export function formatDuration(text: string): string {
  const m = pattern.exec(text);
  if (!m || parseDuration(text) === undefined) return text;
  const days = Number(m[1] ?? 0) * 7 + Number(m[2] ?? 0);
  let rest = Number(m[3] ?? 0) * 3600 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0);
  const parts = days ? [`${days} ${days === 1 ? 'day' : 'days'}`] : [];
  for (const [size, unit] of [
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${unit}`);
    rest -= n * size;
  }
  return parts.join(' ') || '0 s';
}

/** Compact offset for timelines: "+24h", "+2d 3h", "+0s". Days only from 48 h on: "+24h" reads better than "+1d". */
export function formatOffset(seconds: number): string {
  if (seconds === 0) return '+0s';
  const d = seconds >= 172800 ? Math.floor(seconds / 86400) : 0;
  const h = Math.floor((seconds - d * 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].filter(Boolean);
  return `+${parts.join(' ')}`;
}
