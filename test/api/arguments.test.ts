/**
 * The library's arguments are checked (issue #16): a wrong one is a UsageError naming the argument
 * and what it accepts, not a TypeError or RangeError from inside, nor a string evaluated character
 * by character; a catalog entry's kernel fills in its defaults.
 */
import { describe, expect, it } from 'vitest';
import { catalog, evaluate, findEntry, jacobian, UsageError } from '../../src/index.js';
import { MAX_JACOBIAN_POINTS } from '../../src/math/arguments.js';

function usageMessage(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('no error');
}

describe('evaluate and jacobian check their arguments', () => {
  it.each([
    ['x = null', () => evaluate('GELU', null as never), /^x must be an array of numbers or a Float64Array, not null$/],
    [
      'x = undefined',
      () => evaluate('GELU', undefined as never),
      /^x must be an array of numbers or a Float64Array, not undefined/,
    ],
    [
      'a spec that is a number',
      () => evaluate(123 as never, [1]),
      /^spec must be a function name or expression as a string \(e\.g\. 'GELU'\), not number 123$/,
    ],
    ['an empty spec', () => evaluate('', [1]), /^spec must be a function name or expression as a string/],
    [
      'x = { length: 1e10 }',
      () => evaluate('GELU', { length: 1e10 } as never),
      /^x must be an array of numbers or a Float64Array, not an object$/,
    ],
    ['a BigInt64Array', () => evaluate('GELU', new BigInt64Array(2) as never), /not a BigInt64Array$/],
    ['x as a string', () => evaluate('GELU', '-3,0,3' as never), /not the string '-3,0,3'$/],
    ['an array holding a string', () => evaluate('GELU', [1, '2'] as never), /; x\[1\] is the string '2'$/],
    [
      'jacobian of null',
      () => jacobian('Softmax', null as never),
      /^x must be an array of numbers or a Float64Array, not null$/,
    ],
    [
      'jacobian of too many points',
      () => jacobian('Softmax', new Float64Array(MAX_JACOBIAN_POINTS + 1)),
      new RegExp(`^x has ${MAX_JACOBIAN_POINTS + 1} points; the limit is ${MAX_JACOBIAN_POINTS}$`),
    ],
    ['jacobian with a spec that is not a string', () => jacobian(null as never, [1]), /^spec must be/],
  ])('%s', (_what, call, message) => {
    expect(usageMessage(call)).toMatch(message);
  });

  it('typed arrays of numbers other than Float64Array are accepted', () => {
    expect(Array.from(evaluate('ReLU', Float32Array.of(-1, 2)).y)).toEqual([0, 2]);
    expect(Array.from(evaluate('ReLU', Int32Array.of(-1, 2)).y)).toEqual([0, 2]);
  });

  it('jacobian at its limit works', () => {
    expect(jacobian('ReLU', new Float64Array(16))).toHaveLength(16);
  });
});

describe('a catalog entry’s kernel fills in its defaults and checks what it is given', () => {
  it("findEntry('GELU').kernel({}) is GELU with approximate=none", () => {
    const entry = findEntry('GELU')!;
    if (entry.kind !== 'pointwise') throw new Error('GELU is pointwise');
    expect(evaluate('GELU', [1]).y[0]).toBe(entry.kernel({}).f(1));
  });

  it('every entry’s kernel takes {} and no argument at all', () => {
    for (const entry of catalog) {
      expect(() => entry.kernel({}), entry.name).not.toThrow();
      expect(() => (entry.kernel as () => unknown)(), entry.name).not.toThrow();
    }
  });

  it.each([
    [
      'an unknown parameter',
      () => findEntry('ELU')!.kernel({ beta: 1 }),
      /^ELU has no parameter 'beta'; valid: alpha$/,
    ],
    [
      'a choice that is not one',
      () => findEntry('GELU')!.kernel({ approximate: 'nope' }),
      /^GELU parameter approximate must be one of none, tanh/,
    ],
    [
      'a number out of range',
      () => findEntry('CELU')!.kernel({ alpha: 0 }),
      /^CELU parameter alpha must be a number \(valid: .*\), not number 0$/,
    ],
    [
      'parameters that are not an object',
      () => findEntry('ELU')!.kernel(5 as never),
      /^ELU parameters must be an object/,
    ],
  ])('%s', (_what, call, message) => {
    expect(usageMessage(call)).toMatch(message);
  });
});
