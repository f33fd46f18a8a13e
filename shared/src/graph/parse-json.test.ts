import { describe, expect, it } from 'vitest';
import { parseJson } from './parse-json';

describe('parseJson', () => {
  it('parses valid JSON', () => {
    expect(parseJson('{"a": [1, 2.5e3, true, null, "x\\n"]}')).toEqual({ ok: true, value: { a: [1, 2500, true, null, 'x\n'] } });
  });

  it.each([
    ['{\n  "a": 1,\n  "b" 2\n}', 3, 7, 'expected ":" after a property name, found "2"'],
    ['{"a": 1,}', 1, 9, 'a trailing comma before "}"'],
    ['[1,\n2,\n]', 3, 1, 'a trailing comma before "]"'],
    ['{"a": tru}', 1, 7, 'unexpected "t"'],
    ['{"a": 1', 1, 8, 'expected "," or "}", found the end of the file'],
    ['{"a": "x\n"}', 1, 9, 'a string may not span lines (missing closing quote?)'],
    ['{} {}', 1, 4, 'unexpected "{" after the end of the document'],
    ["{'a': 1}", 1, 2, `expected a quoted property name, found "'"`],
  ])('places the error in %j', (text, line, column, message) => {
    expect(parseJson(text)).toEqual({ ok: false, error: { line, column, message } });
  });

  it('says when the file is empty', () => {
    expect(parseJson('  \n')).toEqual({ ok: false, error: { message: 'the file is empty' } });
  });
});
