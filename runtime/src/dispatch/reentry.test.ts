import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../db';
import { decideEntry } from './reentry';

const run = (status: RunRecord['status'], startedAt: string): RunRecord => ({
  id: 'run_1',
  flowId: 'f1',
  flowVersion: 1,
  contactId: 'c1',
  workflowId: 'flow/f1/c1',
  status,
  startedAt,
  test: false,
  stepCount: 3,
  updatedAt: startedAt,
});

const at = new Date('2026-03-02T10:00:00Z');

describe('decideEntry', () => {
  it('lets a key in the first time, whatever the rule', () => {
    for (const rule of ['once', 'always', { afterSeconds: 60 }] as const) expect(decideEntry(rule, undefined, at)).toEqual({ kind: 'enter' });
  });

  it('never starts a second run while one is running or waiting', () => {
    for (const status of ['running', 'waiting'] as const) {
      const last = run(status, '2026-01-01T00:00:00Z');
      for (const rule of ['once', 'always', { afterSeconds: 60 }] as const) expect(decideEntry(rule, last, at)).toEqual({ kind: 'running', run: last });
    }
  });

  it('once: never again after a run', () => {
    expect(decideEntry('once', run('done', '2025-01-01T00:00:00Z'), at)).toEqual({
      kind: 'refused',
      reason: 'already went through the flow (run run_1); re-entry is "once"',
    });
  });

  it('always: again as soon as the last run ended', () => {
    expect(decideEntry('always', run('done', '2026-03-02T09:59:59Z'), at)).toEqual({ kind: 'enter' });
  });

  it('afterSeconds: again only once that long has passed since the last run started', () => {
    expect(decideEntry({ afterSeconds: 3600 }, run('done', '2026-03-02T09:00:01Z'), at)).toEqual({
      kind: 'refused',
      reason: 'entered 3599 s ago (run run_1); re-entry waits 3600 s',
    });
    expect(decideEntry({ afterSeconds: 3600 }, run('done', '2026-03-02T09:00:00Z'), at)).toEqual({ kind: 'enter' });
  });
});
