import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io';

/** node:util parseArgs, with its errors turned into usage messages. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}\nusage: ${usage}`);
  }
}
