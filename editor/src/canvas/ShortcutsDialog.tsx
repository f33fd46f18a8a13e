import { Dialog } from '../app/Dialog';
import { shortcutList } from './shortcuts';

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <dl className="nf-shortcuts">
        {shortcutList.map((s) => (
          <div key={s.keys} className="nf-shortcuts__row">
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
