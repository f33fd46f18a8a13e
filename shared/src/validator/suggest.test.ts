import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from './suggest';

describe('editDistance', () => {
  it.each([
    ['firstName', 'firstName', 0],
    ['frstName', 'firstName', 1],
    ['frist', 'first', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s -> %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it('stops counting past the limit', () => {
    expect(editDistance('contact', 'zzzzzzzzzzzz', 2)).toBe(3);
  });
});

describe('closestMatch', () => {
  it('finds a plausible typo, ignoring case', () => {
    expect(closestMatch('action.sendSMS', ['action.sendEmail', 'action.sendSms'])).toBe('action.sendSms');
    expect(closestMatch('contct', ['contact', 'order'])).toBe('contact');
  });

  it('offers nothing for a word that is not close to any candidate', () => {
    expect(closestMatch('zzz', ['contact', 'order'])).toBeUndefined();
    expect(closestMatch('x', ['id'])).toBeUndefined();
  });

  it('never suggests the word itself', () => {
    expect(closestMatch('order', ['order'])).toBeUndefined();
  });

  it('words a suggestion', () => {
    expect(didYouMean('yse', ['yes', 'no'])).toBe(' (did you mean yes?)');
    expect(didYouMean('maybe', ['yes', 'no'])).toBe('');
  });
});
