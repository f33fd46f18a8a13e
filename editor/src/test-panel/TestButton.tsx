import { FlaskConical } from 'lucide-react';
import { useTestSession, useTestSessionApi } from './session/test-session-context';

/** The toolbar's "Test" toggle: opens the test panel in place of the settings, or closes it. */
export function TestButton() {
  const session = useTestSessionApi();
  const open = useTestSession((s) => s.open);
  return (
    <button
      type="button"
      className={open ? 'nf-button nf-button--ghost nf-button--pressed' : 'nf-button nf-button--ghost'}
      aria-pressed={open}
      title="Try the flow with a sample order before it goes live"
      onClick={() => (open ? session.getState().closePanel() : session.getState().openPanel())}
    >
      <FlaskConical aria-hidden />
      Test
    </button>
  );
}
