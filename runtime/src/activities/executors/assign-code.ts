import { createHash } from 'node:crypto';
import { assignCode } from '../../db/codes';
import { defineExecutor } from '../executor-registry';

interface AssignCodeConfig {
  pool: string;
}

/** A stand-in code for a test run whose pool has no test codes left: stable per effect, never a real code. */
function syntheticTestCode(key: string): string {
  return `TEST-${createHash('sha256').update(key).digest('hex').slice(0, 10).toUpperCase()}`;
}

/**
 * action.assignCode: the pool's next free code, row-locked so two runs never share one, keyed by
 * the effect so a retry gets the same code. Test runs take the pool's test codes (or a synthetic
 * TEST-… code) and never consume a real one. An exhausted pool takes the "empty" output.
 */
export const assignCodeExecutor = defineExecutor<AssignCodeConfig>({
  type: 'action.assignCode',
  kind: 'transaction',
  async execute({ run, command, config, db }) {
    const test = run.test === true;
    const key = command.idempotencyKey;
    const code = (await assignCode(db, { pool: config.pool, key, contactId: run.contactId, runId: run.runId, test })) ?? (test ? syntheticTestCode(key) : undefined);
    if (code === undefined) return { status: 'skipped', output: 'empty', reason: `pool "${config.pool}" is empty` };
    return { status: 'done', patch: { codes: { [config.pool]: code } } };
  },
});
