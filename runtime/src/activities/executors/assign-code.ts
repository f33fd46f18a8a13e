import { createHash } from 'node:crypto';
import { assignCode } from '../../db/codes';
import { pinnedTransaction } from '../effect-lock';
import { defineExecutor } from '../executor-registry';
import { deliverLowStockAlert } from './low-stock-alert';

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
 * It is an 'external' effect because of the low-stock alert, an email that no transaction covers:
 * the assignment commits first, then the alert goes out; a retry gets the same code and finds the
 * alert it raised (db/codes.ts).
 */
export const assignCodeExecutor = defineExecutor<AssignCodeConfig>({
  type: 'action.assignCode',
  kind: 'external',
  async execute(input) {
    const { run, command, config, db } = input;
    const test = run.test === true;
    const key = command.idempotencyKey;
    const assignment = await pinnedTransaction(db, (tx) => assignCode(tx, { pool: config.pool, key, contactId: run.contactId, runId: run.runId, test }));
    if (assignment.lowStock) await deliverLowStockAlert(input, assignment.lowStock);
    const code = assignment.code ?? (test ? syntheticTestCode(key) : undefined);
    if (code === undefined) return { status: 'skipped', output: 'empty', reason: `pool "${config.pool}" is empty` };
    return { status: 'done', patch: { codes: { [config.pool]: code } } };
  },
});
