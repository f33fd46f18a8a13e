import type { Problem } from '@nudgeflow/shared';
import { AlertCircle, AlertTriangle } from 'lucide-react';

function place(problem: Problem): string {
  const where = problem.nodeId !== undefined ? `Node ${problem.nodeId}` : problem.edgeId !== undefined ? `Connection ${problem.edgeId}` : '';
  const line = problem.line !== undefined ? `, line ${problem.line}` : '';
  return where ? `${where}${line}: ` : '';
}

/** Problems as a plain list naming their node or connection. */
export function ProblemLines({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="nf-problem-lines">
      {problems.map((problem, i) => (
        <li key={i} className={`nf-problem-lines__item nf-problem-lines__item--${problem.severity}`}>
          {problem.severity === 'error' ? <AlertCircle aria-hidden /> : <AlertTriangle aria-hidden />}
          <span>
            {place(problem)}
            {problem.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
