const units: [seconds: number, unit: string][] = [
  [86400, 'd'],
  [3600, 'h'],
  [60, 'min'],
  [1, 's'],
];

/** At most this many units: a live run's clock is compressed, so its seconds are noise ("+24 h 26 min", not "+24 h 26 min 31 s"). */
const MAX_PARTS = 2;

/**
 * When something happened on the scenario's clock, as the canvas and the timeline show it:
 * "+24 h", "+2 h 30 min", "+3 d 4 h", "+45 s"; the start is "+0 h". Days only from 48 h on,
 * as the CLI's timeline does: "+24 h" reads better than "+1 d". The two largest units only.
 */
export function formatOffsetLabel(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds));
  if (rest === 0) return '+0 h';
  const parts: string[] = [];
  for (const [size, unit] of units) {
    if (unit === 'd' && rest < 172800) continue;
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${unit}`);
    rest -= n * size;
  }
  return `+${parts.slice(0, MAX_PARTS).join(' ')}`;
}

const unitSeconds: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };
/** An offset as the API's step details write them: "+24h", "+3d 26m 56s", "+0s". */
const compactOffset = /\+(\d+[dhms](?: \d+[dhms])*)/g;

/**
 * A step's detail with its offsets as the timeline writes them ("waiting until +3d 26m 56s" →
 * "waiting until +3 d 26 min"), so one run's times read alike.
 */
export function relabelOffsets(text: string): string {
  return text.replace(compactOffset, (_, parts: string) => {
    const seconds = parts.split(' ').reduce((sum, part) => sum + Number(part.slice(0, -1)) * (unitSeconds[part.slice(-1)] ?? 0), 0);
    return formatOffsetLabel(seconds);
  });
}
