import { describe, expect, it } from 'vitest';
import { describeSmsLength, smsLength } from './sms-segments';

const times = (text: string, n: number) => text.repeat(n);

describe('smsLength', () => {
  it('counts an empty text as no segment', () => {
    expect(smsLength('')).toEqual({ characters: 0, encoding: 'GSM-7', units: 0, segments: 0, perSegment: 160 });
  });

  it('fits 160 GSM-7 characters in one segment and splits the 161st into parts of 153', () => {
    expect(smsLength(times('a', 160))).toEqual({ characters: 160, encoding: 'GSM-7', units: 160, segments: 1, perSegment: 160 });
    expect(smsLength(times('a', 161))).toEqual({ characters: 161, encoding: 'GSM-7', units: 161, segments: 2, perSegment: 153 });
    expect(smsLength(times('a', 306)).segments).toBe(2);
    expect(smsLength(times('a', 307)).segments).toBe(3);
  });

  it('counts extension characters as two septets', () => {
    expect(smsLength(times('€', 80))).toEqual({ characters: 80, encoding: 'GSM-7', units: 160, segments: 1, perSegment: 160 });
    expect(smsLength(`${times('€', 80)}a`)).toMatchObject({ characters: 81, units: 161, segments: 2 });
    expect(smsLength('[x]{y}|~^\\\f')).toMatchObject({ characters: 11, units: 20 });
  });

  it('never splits an escape pair across parts', () => {
    // 306 septets would fit two parts of 153, but the euro sign cannot start at the last septet of the first.
    expect(smsLength(`${times('a', 152)}€${times('a', 152)}`)).toMatchObject({ units: 306, segments: 3 });
    expect(smsLength(`${times('a', 151)}€${times('a', 153)}`)).toMatchObject({ units: 306, segments: 2 });
  });

  it('keeps GSM-7 for its accented letters, line breaks and symbols', () => {
    expect(smsLength('Café £5 @ 10:00\nÇa va? ¿Qué? ÄÖÜ äöü ñ à è é ù ì ò').encoding).toBe('GSM-7');
  });

  it('switches the whole text to UCS-2 for a Czech letter, 70 code units per message and 67 per part', () => {
    expect(smsLength('Dobrý den, objednávka čeká na platbu').encoding).toBe('UCS-2');
    expect(smsLength(times('ř', 70))).toEqual({ characters: 70, encoding: 'UCS-2', units: 70, segments: 1, perSegment: 70 });
    expect(smsLength(times('ř', 71))).toEqual({ characters: 71, encoding: 'UCS-2', units: 71, segments: 2, perSegment: 67 });
    expect(smsLength(times('ř', 134)).segments).toBe(2);
    expect(smsLength(times('ř', 135)).segments).toBe(3);
  });

  it('counts an emoji as one character but two UTF-16 code units, never split across parts', () => {
    expect(smsLength('😀')).toEqual({ characters: 1, encoding: 'UCS-2', units: 2, segments: 1, perSegment: 70 });
    expect(smsLength(times('😀', 35))).toMatchObject({ characters: 35, units: 70, segments: 1 });
    expect(smsLength(`a${times('😀', 35)}`)).toMatchObject({ characters: 36, units: 71, segments: 2 });
    expect(smsLength(`${times('ř', 66)}😀${times('ř', 66)}`)).toMatchObject({ units: 134, segments: 3 });
  });

  it('does not mistake lower-case ç (outside GSM-7) for Ç', () => {
    expect(smsLength('Ç').encoding).toBe('GSM-7');
    expect(smsLength('ç').encoding).toBe('UCS-2');
  });
});

describe('describeSmsLength', () => {
  it('reads like the editor shows it', () => {
    expect(describeSmsLength(smsLength(times('a', 142)))).toBe('142 characters · 1 segment (GSM-7)');
    expect(describeSmsLength(smsLength('ř'))).toBe('1 character · 1 segment (UCS-2)');
    expect(describeSmsLength(smsLength(times('ř', 71)))).toBe('71 characters · 2 segments (UCS-2)');
  });
});
