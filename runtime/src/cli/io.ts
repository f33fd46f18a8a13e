/** Where the CLI writes; tests pass collectors, the bin passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  color?: boolean;
}

/** Exit codes: 1 = the flow or scenario has problems, 2 = the command could not run (usage, files). */
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** An expected failure with a message for a person; never shown with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}
