import { Search } from 'lucide-react';
import { useId, useMemo, useState, type CSSProperties } from 'react';
import type { NodeTypeInfo } from '../../api/types';
import { useNodeTypes } from '../../app/node-types-context';
import { NODE_DRAG_TYPE } from '../drag-data';
import { NodeIcon } from '../NodeIcon';
import './palette.css';
import { paletteGroups } from './palette-groups';
import { useAddFromPalette } from './use-add-from-palette';

function PaletteItem({ info, onAdd }: { info: NodeTypeInfo; onAdd(type: string): void }) {
  return (
    <button
      type="button"
      className="nf-palette__item"
      draggable
      title={info.description}
      style={{ '--nf-node-color': info.color } as CSSProperties}
      onDragStart={(event) => {
        event.dataTransfer.setData(NODE_DRAG_TYPE, info.type);
        event.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={() => onAdd(info.type)}
    >
      <span className="nf-palette__icon">
        <NodeIcon name={info.icon} />
      </span>
      <span className="nf-palette__title">{info.title}</span>
    </button>
  );
}

/**
 * The node types from the server's catalog, so types added later appear without an editor
 * change. Drag one onto the canvas (or onto a connection), or click it to add it below the
 * selected node.
 */
export function Palette() {
  const catalog = useNodeTypes();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(catalog, query), [catalog, query]);
  const add = useAddFromPalette();
  const id = useId();

  return (
    <section className="nf-palette" aria-label="Node palette">
      <label className="nf-palette__search">
        <Search size={14} aria-hidden />
        <input type="search" aria-label="Search nodes" placeholder="Search nodes" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <div className="nf-palette__groups">
        {groups.map((group) => (
          <div key={group.category} className="nf-palette__group" role="group" aria-labelledby={`${id}-${group.category}`}>
            <h3 id={`${id}-${group.category}`} className="nf-palette__heading">
              {group.heading}
            </h3>
            <ul className="nf-palette__list">
              {group.items.map((info) => (
                <li key={info.type}>
                  <PaletteItem info={info} onAdd={add} />
                </li>
              ))}
            </ul>
          </div>
        ))}
        {groups.length === 0 ? <p className="nf-palette__empty">No node matches “{query}”.</p> : null}
      </div>
      <p className="nf-palette__hint">Drag onto the canvas or a connection, or click to add below the selected node.</p>
    </section>
  );
}
