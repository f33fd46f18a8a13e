import { expect, it } from 'vitest';
import { lazy } from './lazy';

it('builds the value on the first call only', () => {
  let builds = 0;
  const value = lazy(() => {
    builds += 1;
    return { built: builds };
  });
  expect(builds).toBe(0);
  expect(value()).toEqual({ built: 1 });
  expect(value()).toBe(value());
  expect(builds).toBe(1);
});

it('keeps an undefined value too', () => {
  let builds = 0;
  const value = lazy(() => {
    builds += 1;
    return undefined;
  });
  value();
  value();
  expect(builds).toBe(1);
});
