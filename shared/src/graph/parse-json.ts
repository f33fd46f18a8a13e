/** A JSON syntax error placed in the text, so "line 12, column 5" can be shown to a person. */
export interface JsonSyntaxError {
  message: string;
  line?: number;
  column?: number;
}

function locate(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  return { line: before.split('\n').length, column: position - before.lastIndexOf('\n') };
}

/**
 * Finds where JSON text first goes wrong. V8's own messages carry a position only for some
 * errors (and quote the whole input for others), so a small grammar walk finds it instead.
 */
function findSyntaxError(text: string): { position: number; message: string } {
  let i = 0;
  const fail = (message: string): never => {
    throw { position: i, message };
  };
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++;
  };
  const describe = () => (i >= text.length ? 'the end of the file' : `"${text[i]}"`);
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe()}`);
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') fail('a string may not span lines (missing closing quote?)');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape in a string');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail('bad escape in a string');
      }
      i++;
    }
    if (i >= text.length) fail('a string is not closed');
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === '-') fail(`unexpected ${describe()}`);
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail(i >= text.length ? 'the file ends where a value was expected' : `unexpected ${describe()} where a value was expected`);
  };
  const container = (close: string, isObject: boolean) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      if (isObject) {
        ws();
        if (text[i] !== '"') fail(text[i] === close ? `a trailing comma before "${close}"` : `expected a quoted property name, found ${describe()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ":" after a property name, found ${describe()}`);
        i++;
      }
      value();
      ws();
      if (text[i] === ',') {
        i++;
        ws();
        if (text[i] === close) fail(`a trailing comma before "${close}"`);
        continue;
      }
      if (text[i] === close) return void i++;
      fail(`expected "," or "${close}", found ${describe()}`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the document`);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'position' in error) return error as { position: number; message: string };
    throw error;
  }
  return { position: 0, message: 'invalid JSON' };
}

/** JSON.parse that says where the text breaks, in words. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    if (text.trim() === '') return { ok: false, error: { message: 'the file is empty' } };
    const { position, message } = findSyntaxError(text);
    return { ok: false, error: { message, ...locate(text, position) } };
  }
}
