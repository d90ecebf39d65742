/** For tests of error messages: the message of the UsageError that `fn` throws. */
import { expect } from 'vitest';
import { UsageError } from '../../src/errors.js';

/** Fails if `fn` throws anything but a UsageError, or nothing. */
export function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
}
