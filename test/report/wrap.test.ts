/** The wrapping rules of src/report/wrap.ts and the visible widths of src/report/width.ts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atoms, isNumberWord, minimumWidth, pieces, wrapAfter, wrapText } from '../../src/report/wrap.js';
import { padVisible, stripColor, visibleWidth } from '../../src/report/width.js';

const ESC = String.fromCharCode(27);

describe('visibleWidth', () => {
  it('counts color codes 0, East Asian wide characters 2, our symbols 1', () => {
    expect(visibleWidth(`${ESC}[32mPASS${ESC}[39m`)).toBe(4);
    expect(visibleWidth('原函數,導函數')).toBe(13);
    expect(visibleWidth('−0.16997')).toBe(8);
    expect(visibleWidth('f′(x) = σ(x)·(1 − σ(x)) ≤ ∞ — √2 ²')).toBe(34);
    expect(visibleWidth('e\u0301')).toBe(1); // a combining accent takes no column
  });
  it('pads to a visible width, colored text included', () => {
    expect(padVisible(`${ESC}[1mab${ESC}[22m`, 4, 'right')).toBe(`  ${ESC}[1mab${ESC}[22m`);
    expect(padVisible('原', 3)).toBe('原 ');
    expect(stripColor(`${ESC}[90m│${ESC}[39m x`)).toBe('│ x');
  });
});

describe('wrapText', () => {
  const fits = (lines: string[], width: number) => lines.every((l) => visibleWidth(l) <= width);

  it('leaves a text that fits alone', () => {
    expect(wrapText('min −0.16997 at x = −0.75179', 40)).toEqual(['min −0.16997 at x = −0.75179']);
  });

  it('breaks at spaces, with the hanging indent on the lines after the first', () => {
    expect(wrapText('the quick brown fox jumps over', 15, '  ')).toEqual(['the quick brown', '  fox jumps', '  over']);
  });

  it('keeps x = number, |x| > number and 24 ns together', () => {
    expect(wrapText('min −0.16997 at x = −0.75179', 14, '  ')).toEqual(['min −0.16997', '  at', '  x = −0.75179']);
    expect(pieces('|x| > 6.9058 and 24 ns / 31 ns')).toEqual(['|x| > 6.9058', 'and', '24 ns', '/ 31 ns']);
  });

  it('puts a lone operator at the start of the next line, with its operand (formulas)', () => {
    const lines = wrapText('(x/2)·(1 + tanh(√(2/π)·(x + 0.044715·x³)))', 24);
    expect(lines).toEqual(['(x/2)·(1', '+ tanh(√(2/π)·(x', '+ 0.044715·x³)))']);
  });

  it('starts each clause (two or more spaces apart) on a line of its own when wrapping', () => {
    const text = 'x·Φ(x);  tanh: (x/2)·(1 + tanh u);  sigmoid: x·σ(1.702·x)';
    expect(wrapText(text, 30, '  ')).toEqual(['x·Φ(x);', '  tanh: (x/2)·(1 + tanh u);', '  sigmoid: x·σ(1.702·x)']);
    expect(wrapText(text, 80)).toEqual([text]);
  });

  it('breaks a piece wider than the line after , ; · × |, before ( after a name — never inside a name=value', () => {
    expect(wrapText('torch.nn.Hardshrink(lambd)', 20, '  ')).toEqual(['torch.nn.Hardshrink', '  (lambd)']);
    expect(wrapText('torch.nn.PReLU(num_parameters=1, init=init)', 20, '  ')).toEqual([
      'torch.nn.PReLU',
      '  (num_parameters=1,',
      '  init=init)',
    ]);
    expect(wrapText('approximate=none|tanh|sigmoid', 20, '  ')).toEqual(['approximate=none|', '  tanh|sigmoid']);
    expect(atoms('x/(1+|x|)').map((a) => a.text)).toEqual(['x/(1+|x|)']); // |x| is not a list of alternatives
  });

  it('cuts only what has no break point at all, so that no line is wider than asked', () => {
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('原函數原函數', 5)).toEqual(['原函', '數原', '函數']);
  });

  it('never splits a number, at any width where it fits', () => {
    const numbers = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(numbers, fc.integer({ min: 24, max: 120 }), (xs, width) => {
        const words = xs.map((v) => v.toPrecision(6).replace(/-/g, '−'));
        const text = words.map((w, i) => (i % 3 === 1 ? `x = ${w}` : `${w},`)).join(' ');
        const lines = wrapText(text, width, '  ');
        expect(fits(lines, width)).toBe(true);
        const tokens = lines.flatMap((l) => l.trim().split(' '));
        for (const w of words) expect(tokens.some((t) => t.replace(/,$/, '') === w)).toBe(true);
      }),
    );
  });

  it('lines up continuation lines after a prefix (wrapAfter)', () => {
    expect(wrapAfter('PyTorch  ', 'torch.nn.GELU(approximate=approximate) if approximate != x', 40)).toEqual([
      'PyTorch  torch.nn.GELU',
      '         (approximate=approximate) if',
      '         approximate != x',
    ]);
    expect(wrapAfter('f(x)  = ', 'x', 40)).toEqual(['f(x)  = x']);
  });

  it('knows the narrowest width that cuts nothing', () => {
    expect(minimumWidth('negative_slope=0.01')).toBe(19);
    expect(minimumWidth('zero-centered')).toBe(13);
    expect(minimumWidth('leaky_relu, lrelu', '  ')).toBe(13);
    expect(minimumWidth('torch.nn.Hardshrink(lambd)', '  ', true)).toBe(26);
    expect(minimumWidth('torch.nn.Hardshrink(lambd)', '  ')).toBe(21);
  });

  it('recognizes the numbers it prints', () => {
    for (const w of ['−3', '1e−9', '0.5', '−inf', '∞', '+∞', 'NaN', '2.08e−11,', '6)'])
      expect(isNumberWord(w), w).toBe(true);
    for (const w of ['x', 'e', 'min_val', '1/8', 'n/a']) expect(isNumberWord(w), w).toBe(false);
  });
});
