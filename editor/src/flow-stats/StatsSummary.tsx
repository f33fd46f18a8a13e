import type { SummaryItem } from './stats-summary';

/** The flow's numbers for the period, as term and value pairs. */
export function StatsSummary({ items }: { items: readonly SummaryItem[] }) {
  return (
    <dl className="nf-stats-summary" aria-label="Summary">
      {items.map((item) => (
        <div key={item.label} className="nf-stats-summary__item">
          <dt>{item.label}</dt>
          <dd>
            <span className="nf-stats-summary__value">{item.value}</span>
            {item.detail ? <span className="nf-stats-summary__detail">{item.detail}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
