import { INVALID_INPUT_ERROR } from '@nudgeflow/workflows/contract';
import { describe, expect, it } from 'vitest';
import { internationalNumber } from './audience';

function refusal(phone: string, defaultCountry?: string) {
  try {
    internationalNumber(phone, defaultCountry);
  } catch (error) {
    const e = error as { message: string; type?: string; nonRetryable?: boolean };
    return { message: e.message, type: e.type, nonRetryable: e.nonRetryable };
  }
  throw new Error(`expected "${phone}" to be refused`);
}

describe('internationalNumber', () => {
  it.each([
    ['+420 777 123 456', undefined, '+420777123456'],
    ['+420777123456', 'US', '+420777123456'],
    ['777 123 456', 'CZ', '+420777123456'],
    ['00420 777-123-456', 'CZ', '+420777123456'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['+44 20 7946 0958', undefined, '+442079460958'],
  ])('reads %j (default country %s) as %s', (phone, country, expected) => {
    expect(internationalNumber(phone, country)).toBe(expected);
  });

  it.each([
    ['777 123 456', undefined, 'the phone number "777 123 456" is not a valid international number (it should look like +420777123456)'],
    ['+420 123', undefined, 'the phone number "+420 123" is not a valid international number (it should look like +420777123456)'],
    // Possible by length, but no such range in the Czech numbering plan.
    ['+420 600 000 001', undefined, 'the phone number "+420 600 000 001" is not a valid international number (it should look like +420777123456)'],
    ['call me: +420777123456', undefined, 'the phone number "call me: +420777123456" is not a valid international number (it should look like +420777123456)'],
    ['12 34', 'CZ', 'the phone number "12 34" is not a valid number for CZ or with a country code (it should look like +420777123456)'],
  ])('refuses %j (default country %s) without retries, naming the number', (phone, country, message) => {
    expect(refusal(phone, country)).toEqual({ message, type: INVALID_INPUT_ERROR, nonRetryable: true });
  });
});
