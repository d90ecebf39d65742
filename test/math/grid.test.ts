import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/errors.js';
import { arithmeticGrid, sampleGrid, stepGrid } from '../../src/math/grid.js';

/** The error `run` throws (the test fails if it throws none). */
function thrown(run: () => unknown): ArgumentError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ArgumentError);
    return err as ArgumentError;
  }
  throw new Error('no error thrown');
}

describe('grids', () => {
  it('steps as a + i·step, without accumulated drift', () => {
    expect(Array.from(arithmeticGrid(-1, 0.1, 21))).toEqual(Array.from({ length: 21 }, (_, i) => -1 + i * 0.1));
    expect(stepGrid(-1, 1, 0.5, 100)).toEqual(Float64Array.from([-1, -0.5, 0, 0.5, 1]));
    expect(sampleGrid(-1, 1, { step: 0.5 }, 100)).toEqual(Float64Array.from([-1, -0.5, 0, 0.5]));
  });

  it('names the library argument, not a CLI option, and says which it is', () => {
    const samples = thrown(() => sampleGrid(0, 1, { samples: 1 }, 1e6));
    expect(samples.argument).toBe('samples');
    expect(samples.message).toBe('samples 1 must be a whole number from 2 to 1000000');
    expect(samples.messageAs('--samples')).toBe('--samples 1 must be a whole number from 2 to 1000000');
    const step = thrown(() => stepGrid(0, 1, 0, 1e6));
    expect([step.argument, step.message]).toEqual(['step', 'step 0 must be a positive number']);
    expect(thrown(() => sampleGrid(0, 1, { step: 2 }, 1e6)).argument).toBe('step');
    expect(thrown(() => stepGrid(1, -1, 0.1, 1e6)).argument).toBe('range');
    expect(thrown(() => stepGrid(0, 1, 1e-7, 1e6)).message).toBe(
      'range 0,1 with step 1e-7 gives 10000001 points; the limit is 1000000',
    );
    for (const run of [() => stepGrid(1, -1, 0.1, 10), () => sampleGrid(0, 1, { samples: 0.5 }, 10)]) {
      expect(thrown(run).message).not.toMatch(/--/);
    }
  });
});
