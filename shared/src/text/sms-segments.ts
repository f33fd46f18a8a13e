/*
 * How long an SMS is on the wire. Operators bill per segment: a text that fits the GSM 03.38
 * alphabet travels as 7-bit characters (160 per message, 153 per part once it is split, since
 * each part carries a header); anything else, such as "ř" or an emoji, turns the whole message
 * into UCS-2 (70, or 67 per part), counted in UTF-16 code units.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsLength {
  /** What a person counts: one per character, an emoji included. */
  characters: number;
  encoding: SmsEncoding;
  /** Septets for GSM-7 (extension characters take two), UTF-16 code units for UCS-2. */
  units: number;
  /** 0 for an empty text. */
  segments: number;
  /** Units one segment holds at this length: the single-message limit, or the per-part limit once split. */
  perSegment: number;
}

const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** Written as an escape plus one character: two septets each. */
const gsmExtension = new Set('\f^{}\\[~]|€');

const limits: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

/** Per character, the units it takes; undefined when a character is outside GSM-7. */
function gsmSizes(chars: string[]): number[] | undefined {
  const sizes: number[] = [];
  for (const char of chars) {
    if (gsmBasic.has(char)) sizes.push(1);
    else if (gsmExtension.has(char)) sizes.push(2);
    else return undefined;
  }
  return sizes;
}

/** Parts never split a character (an escape pair or a surrogate pair), so a part may hold one unit less. */
function countSegments(sizes: number[], single: number, part: number): number {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total === 0) return 0;
  if (total <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return segments;
}

export function smsLength(text: string): SmsLength {
  const chars = Array.from(text);
  const gsm = gsmSizes(chars);
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  const sizes = gsm ?? chars.map((char) => char.length);
  const { single, part } = limits[encoding];
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const segments = countSegments(sizes, single, part);
  return { characters: chars.length, encoding, units, segments, perSegment: segments > 1 ? part : single };
}

/** "142 characters · 1 segment (GSM-7)". */
export function describeSmsLength(length: SmsLength): string {
  const characters = `${length.characters} character${length.characters === 1 ? '' : 's'}`;
  const segments = `${length.segments} segment${length.segments === 1 ? '' : 's'}`;
  return `${characters} · ${segments} (${length.encoding})`;
}
