import { useReactFlow } from '@xyflow/react';
import { AlertCircle, AlertTriangle, CheckCircle2, ChevronDown, ChevronRight } from 'lucide-react';
import { useId, useState } from 'react';
import { useNodeTypes } from '../app/node-types-context';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store';
import { problemCountText, problemPlace, problemTarget } from './problem-place';
import { sameStrings } from '../inspector/node-env';
import './problems.css';

/** Every problem the validator finds in the draft; a click selects its node and brings it into view. */
export function ProblemsPanel() {
  const store = useFlowStoreApi();
  const problems = useFlowStore((s) => s.problems);
  const types = useNodeTypes();
  const { fitView } = useReactFlow();
  const [collapsed, setCollapsed] = useState(false);
  const listId = useId();
  const places = useFlowStore((s) => s.problems.map((p) => problemPlace(p, s.graph, types)), sameStrings);
  const none = problems.length === 0;
  const open = !none && !collapsed;

  const show = (index: number) => {
    const problem = problems[index];
    if (!problem) return;
    const target = problemTarget(problem, store.getState().graph);
    store.getState().select(target.selection);
    if (target.nodeIds.length > 0) void fitView({ nodes: target.nodeIds.map((id) => ({ id })), duration: 300, maxZoom: 1.25, padding: 0.4 });
  };

  return (
    <section className={none ? 'nf-problems nf-problems--none' : 'nf-problems'} aria-label="Problems">
      <h2 className="nf-problems__heading">
        <button type="button" className="nf-problems__toggle" aria-expanded={open} aria-controls={open ? listId : undefined} disabled={none} onClick={() => setCollapsed(!collapsed)}>
          {none ? <CheckCircle2 aria-hidden className="nf-problems__ok" /> : open ? <ChevronDown aria-hidden /> : <ChevronRight aria-hidden />}
          <span>Problems</span>
          <span className="nf-problems__count">{problemCountText(problems)}</span>
        </button>
      </h2>
      {open ? (
        <ul id={listId} className="nf-problems__list">
          {problems.map((problem, i) => (
            <li key={i}>
              <button type="button" className={`nf-problem nf-problem--${problem.severity}`} onClick={() => show(i)}>
                {problem.severity === 'error' ? <AlertCircle aria-hidden /> : <AlertTriangle aria-hidden />}
                <span className="nf-problem__text">
                  <span className="nf-visually-hidden">{problem.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
                  <span className="nf-problem__message">{problem.message}</span>
                  <span className="nf-problem__place">{places[i]}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
