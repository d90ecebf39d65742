/**
 * Errors the CLI turns into one-line messages. Anything else that escapes is a bug, reported as
 * such (still without a stack trace unless ACTFN_DEBUG is set).
 */

/** Bad input from the user: exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command was well-formed but failed (a check failed, a file could not be written): exit 1. */
export class RuntimeFailure extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'RuntimeFailure';
  }
}
