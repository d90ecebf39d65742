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

/**
 * A bad value for one of the library's own arguments (`range`, `step`, `samples`): the message
 * names the argument as the library calls it, and `argument` says which, so that the CLI can
 * say the same with its option's name (cli.ts: `--step 0 must be a positive number`).
 */
export class ArgumentError extends UsageError {
  constructor(
    readonly argument: string,
    /** The value as written in the message, e.g. `0` or `-6,6`. */
    readonly value: string,
    /** The rest of the sentence, e.g. `must be a positive number`. */
    readonly problem: string,
  ) {
    super(`${argument} ${value} ${problem}`);
    this.name = 'ArgumentError';
  }

  /** The message with the argument called `name` instead. */
  messageAs(name: string): string {
    return `${name} ${this.value} ${this.problem}`;
  }
}
