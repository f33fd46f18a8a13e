import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from '../app/Status';
import { useTestSession } from './session/test-session-context';

// The simulator and the panel load when a test is first opened, not with the editor.
const TestPanel = lazy(() => import('./TestPanel'));

export interface TestPanelSlotProps {
  flowId: string;
  /** Saves the draft now; true when the server has the current graph (a live test runs the saved draft). */
  saveDraft(): Promise<boolean>;
  /** What the side panel shows while no test is open (the inspector). */
  children: ReactNode;
}

/** The side panel: the test panel while a test is open, otherwise its usual content. */
export function TestPanelSlot({ flowId, saveDraft, children }: TestPanelSlotProps) {
  const open = useTestSession((s) => s.open);
  if (!open) return children;
  return (
    <Suspense fallback={<Loading label="Opening the test panel…" />}>
      <TestPanel flowId={flowId} saveDraft={saveDraft} />
    </Suspense>
  );
}
