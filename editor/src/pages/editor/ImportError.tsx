export interface ImportFailure {
  message: string;
  /** Each bad place in the file: "node a › position.x: must be a number". */
  details: string[];
}

/** Why an imported file was refused; the flow on the canvas is untouched. */
export function ImportError({ failure, onDismiss }: { failure: ImportFailure; onDismiss(): void }) {
  return (
    <div className="nf-banner nf-banner--error nf-import-error" role="alert">
      <div>
        <p>{failure.message}</p>
        {failure.details.length > 0 ? (
          <ul>
            {failure.details.map((line) => (
              <li key={line}>
                <code>{line}</code>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="button" className="nf-button nf-button--small nf-button--ghost" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
