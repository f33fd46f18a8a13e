import { describe, expect, it } from 'vitest';
import { parseCodesCsv } from './codes-csv';

describe('parseCodesCsv', () => {
  it('reads tab-separated tables and finds the "code" column whatever its case', () => {
    expect(parseCodesCsv('id\tCODE\n1\tA-1\n2\t"A-2"\n', 10)).toEqual({ ok: true, codes: ['A-1', 'A-2'] });
  });

  it('a table without a "code" column is read as one code per line, and refused when lines hold more', () => {
    expect(parseCodesCsv('coupon,value\nA-1,10\n', 10)).toEqual({
      ok: false,
      problems: [
        { line: 1, message: '2 values where one code was expected (a table needs a header row with a "code" column)' },
        { line: 2, message: '2 values where one code was expected (a table needs a header row with a "code" column)' },
      ],
      more: 0,
    });
  });

  it('a closing quote followed by text is a bad row', () => {
    expect(parseCodesCsv('"A-1"x\n', 10)).toEqual({ ok: false, problems: [{ line: 1, message: 'a closing quote is followed by more text in the same value' }], more: 0 });
  });

  it('names the line where the file goes over the limit, once', () => {
    expect(parseCodesCsv('A\nB\nC\nD\n', 2)).toEqual({ ok: false, problems: [{ line: 3, message: 'more than 2 codes in one file: split it' }], more: 0 });
  });

  it('lists the first 100 bad rows and counts the rest', () => {
    const parsed = parseCodesCsv(`code,x\n${',1\n'.repeat(150)}`, 1000);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect([parsed.problems.length, parsed.problems[0], parsed.problems.at(-1), parsed.more]).toEqual([
      100,
      { line: 2, message: 'the code is empty' },
      { line: 101, message: 'the code is empty' },
      50,
    ]);
  });
});
