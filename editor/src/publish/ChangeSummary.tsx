import { diffGraphs, type FlowGraph } from '@nudgeflow/shared';
import { useMemo } from 'react';
import { useEditorRegistry } from '../app/node-types-context';
import { changeSections, firstVersionText, unchangedText } from './change-summary';

/** The live version's graph, as the dialog loads it. */
export type LiveVersion = { state: 'loading' } | { state: 'loaded'; graph: FlowGraph } | { state: 'failed'; message: string };

interface ChangeSummaryProps {
  graph: FlowGraph;
  publishedVersion: number | undefined;
  /** The live version's graph; undefined when the flow was never published. */
  live: LiveVersion | undefined;
}

/** What publishing changes: the first version's size, or the differences from the live version. */
export function ChangeSummary({ graph, publishedVersion, live }: ChangeSummaryProps) {
  const registry = useEditorRegistry();
  const liveGraph = live?.state === 'loaded' ? live.graph : undefined;
  const diff = useMemo(() => (liveGraph ? diffGraphs(liveGraph, graph, registry) : undefined), [liveGraph, graph, registry]);

  if (publishedVersion === undefined || live === undefined)
    return (
      <section className="nf-publish__block" aria-label="Changes">
        <h3>{firstVersionText(graph)}</h3>
      </section>
    );
  if (live.state === 'failed') return <p className="nf-error-text">Version {publishedVersion} could not be loaded to compare: {live.message}</p>;
  if (!diff) return <p className="nf-hint">Comparing with version {publishedVersion}…</p>;

  const unchanged = unchangedText(diff, publishedVersion);
  return (
    <section className="nf-publish__block" aria-label="Changes">
      <h3>Changes since version {publishedVersion} (live)</h3>
      {unchanged ? <p>{unchanged}</p> : null}
      {changeSections(diff).map((section) => (
        <div key={section.title} className="nf-publish__section">
          <h4>{section.title}</h4>
          <ul>
            {section.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </div>
      ))}
      {!unchanged && diff.nodesMoved.length > 0 ? <p className="nf-hint">Some nodes were also moved: layout only.</p> : null}
    </section>
  );
}
