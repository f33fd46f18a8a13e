/** The count of a node's problems: red for errors (which block publishing), amber for warnings only. */
export function ProblemBadge({ errors, warnings }: { errors: number; warnings: number }) {
  if (errors > 0) {
    const text = `${errors} ${errors === 1 ? 'error' : 'errors'}`;
    return (
      <span className="nf-node__badge nf-node__badge--error" title={text} aria-label={text}>
        {errors}
      </span>
    );
  }
  if (warnings > 0) {
    const text = `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
    return (
      <span className="nf-node__badge nf-node__badge--warning" title={text} aria-label={text}>
        {warnings}
      </span>
    );
  }
  return null;
}
