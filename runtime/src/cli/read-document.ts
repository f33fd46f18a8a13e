import { readFile } from 'node:fs/promises';
import { parseJson } from '@nudgeflow/shared';
import { CliError } from './io';

/** Reads a JSON file, turning every way it can fail into one clear line naming the file. */
export async function readJsonDocument(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new CliError(`cannot read ${path}: ${why}`);
  }
  const parsed = parseJson(text);
  if (parsed.ok) return parsed.value;
  const { line, column, message } = parsed.error;
  const where = line === undefined ? path : `${path}:${line}:${column}`;
  throw new CliError(`${where}: not valid JSON: ${message}`);
}
