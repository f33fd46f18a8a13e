import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { errorMessage } from '../../app/error-message';
import { POLL_INTERVAL_MS } from './live-options';
import { cancelTestRun, getTestRun, sendTestRunEvent, startLiveTest, type LiveTestRequest, type TestRunView } from './test-run-api';

export interface LiveTest {
  /** The live test run shown: running, or ended and not dismissed yet. */
  run: TestRunView | undefined;
  busy: boolean;
  error: string | undefined;
  start(request: LiveTestRequest): Promise<void>;
  sendEvent(type: string): Promise<void>;
  cancel(): Promise<void>;
  /** Back to the simulation. */
  dismiss(): void;
}

/**
 * A live test of the open flow's draft: saved first (the server tests what it has), then started
 * and read again every second while it runs. Leaving the panel cancels a run still going: nobody
 * would watch it.
 */
export function useLiveTest(flowId: string, saveDraft: () => Promise<boolean>): LiveTest {
  const api = useApi();
  const [run, setRun] = useState<TestRunView>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const running = run?.status === 'running' ? run.id : undefined;

  // Poll while it runs; each answer schedules the next read.
  useEffect(() => {
    if (!running) return;
    let current = true;
    const timer = setTimeout(() => {
      getTestRun(api, running).then(
        (next) => {
          if (!current) return;
          setError(undefined);
          setRun(next);
        },
        (failure: unknown) => {
          if (!current) return;
          setError(`The live test could not be read: ${errorMessage(failure)}`);
          // Read again on the next tick: a new object with the same content restarts this effect.
          setRun((last) => (last ? { ...last } : last));
        },
      );
    }, POLL_INTERVAL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, running, run]);

  const runningRef = useRef<string | undefined>(undefined);
  useEffect(() => {
    runningRef.current = running;
  }, [running]);
  useEffect(
    () => () => {
      const id = runningRef.current;
      if (id) cancelTestRun(api, id).catch(() => undefined);
    },
    [api],
  );

  const act = useCallback(async (what: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await what();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }, []);

  const start = useCallback(
    (request: LiveTestRequest) =>
      act(async () => {
        if (!(await saveDraft())) throw new Error('the draft could not be saved, and a live test runs the saved draft; see the save status in the toolbar');
        setRun(await startLiveTest(api, flowId, request));
      }),
    [act, api, flowId, saveDraft],
  );
  const sendEvent = useCallback(
    (type: string) =>
      act(async () => {
        if (running) await sendTestRunEvent(api, running, type);
      }),
    [act, api, running],
  );
  const cancel = useCallback(
    () =>
      act(async () => {
        if (running) setRun(await cancelTestRun(api, running));
      }),
    [act, api, running],
  );
  const dismiss = useCallback(() => {
    setRun(undefined);
    setError(undefined);
  }, []);

  return { run, busy, error, start, sendEvent, cancel, dismiss };
}
