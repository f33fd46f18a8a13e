import { findOrBuildTemporalCli, TEMPORAL_CLI_VERSION } from '../../dev/temporal-cli';
import { parseCommandArgs } from '../args';
import type { CliIO } from '../io';

export const setupUsage = 'nudgeflow setup';

/**
 * Prepares what the dev stack and the tests need outside npm: the Temporal CLI (which runs the
 * dev server), built once from the Go module proxy when none is found. Minutes the first time.
 */
export async function setupCommand(args: string[], io: CliIO): Promise<number> {
  parseCommandArgs(args, {}, setupUsage);
  let building = false;
  const path = await findOrBuildTemporalCli({
    onProgress: (line) => {
      if (!building) {
        building = true;
        io.out(`building the Temporal CLI ${TEMPORAL_CLI_VERSION} with go install (first time only, takes a few minutes)...`);
      }
      io.out(`  ${line}`);
    },
  });
  io.out(`Temporal CLI: ${path}`);
  return 0;
}
