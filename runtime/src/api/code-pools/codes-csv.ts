/*
 * Codes from a CSV file, as shops export them: one code per line, or a table whose header row
 * has a "code" column (other columns are ignored). Comma, semicolon or tab separated (taken from
 * the first line), quotes as in RFC 4180. A file with any bad row is refused as a whole, every
 * bad row named by its line, so a half-imported file never has to be cleaned up.
 */

export const MAX_CODE_LENGTH = 200;
/** Bad rows listed in one answer; a file that is wrong throughout needs no more to be fixed. */
const MAX_PROBLEMS = 100;

export interface CsvProblem {
  line: number;
  message: string;
}

export type CsvCodes = { ok: true; codes: string[] } | { ok: false; problems: CsvProblem[]; more: number };

/** The cells of one line, or why it cannot be read. */
function cellsOf(line: string, delimiter: string): string[] | string {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= line.length) return 'a quoted value is not closed';
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i += 1;
          break;
        } else value += line[i++];
      }
      if (i < line.length && line[i] !== delimiter) return 'a closing quote is followed by more text in the same value';
      cells.push(value);
    } else {
      const end = line.indexOf(delimiter, i);
      cells.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length : end;
    }
    if (i >= line.length) return cells;
    i += 1; // the delimiter
  }
}

function delimiterOf(firstLine: string): string {
  return [',', ';', '\t'].find((d) => firstLine.includes(d)) ?? ',';
}

export function parseCodesCsv(text: string, maxCodes: number): CsvCodes {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const problems: CsvProblem[] = [];
  const codes: string[] = [];
  let more = 0;
  let overflowLine: number | undefined;
  const problem = (line: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, message });
    else more += 1;
  };
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return { ok: false, problems: [{ line: 1, message: 'the file has no codes' }], more: 0 };
  const delimiter = delimiterOf(lines[first] ?? '');
  const header = cellsOf(lines[first] ?? '', delimiter);
  const codeColumn = Array.isArray(header) ? header.findIndex((cell) => cell.trim().toLowerCase() === 'code') : -1;

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || (codeColumn !== -1 && index === first)) return;
    const cells = cellsOf(raw, delimiter);
    if (typeof cells === 'string') return problem(line, cells);
    if (codeColumn === -1 && cells.length > 1)
      return problem(line, `${cells.length} values where one code was expected (a table needs a header row with a "code" column)`);
    const code = (cells[codeColumn === -1 ? 0 : codeColumn] ?? '').trim();
    if (code === '') return problem(line, 'the code is empty');
    if (code.length > MAX_CODE_LENGTH) return problem(line, `the code is longer than ${MAX_CODE_LENGTH} characters`);
    if (codes.length === maxCodes) overflowLine ??= line;
    else codes.push(code);
  });
  if (overflowLine !== undefined) problem(overflowLine, `more than ${maxCodes.toLocaleString('en')} codes in one file: split it`);
  if (problems.length > 0) return { ok: false, problems, more };
  if (codes.length === 0) return { ok: false, problems: [{ line: first + 1, message: 'the file has a header row but no codes' }], more: 0 };
  return { ok: true, codes };
}
