/** How boxTable fits a width: as it is, with wrapped cells, in blocks, or as records. */
import { describe, expect, it } from 'vitest';
import { boxTable, fitsAsBox, shareWidths } from '../../src/report/table-format.js';
import { stripColor, visibleWidth } from '../../src/report/width.js';

const widest = (text: string) => Math.max(...stripColor(text).trimEnd().split('\n').map(visibleWidth));
const ESC = String.fromCharCode(27);

describe('boxTable', () => {
  it('measures colored cells by what shows: borders and cells line up', async () => {
    const pass = `${ESC}[32mPASS${ESC}[39m`;
    const text = stripColor(await boxTable(['function', 'result'], [['ReLU', pass]], 1));
    const lines = text.trimEnd().split('\n');
    expect(new Set(lines.map(visibleWidth)).size).toBe(1);
    expect(lines[3]).toBe('│     ReLU │   PASS │');
  });

  it('shows "—" in a cell with nothing to show', async () => {
    const text = await boxTable(['name', 'aliases'], [['Tanh', '']], 0, 'left');
    expect(text).toContain('│ Tanh │ —       │');
  });

  it('without a width, one line per row however wide', async () => {
    const row = ['a'.repeat(200), 'b'];
    const text = await boxTable(['x', 'y'], [row], 0);
    expect(text.trimEnd().split('\n')).toHaveLength(5);
  });

  it('wraps cells at words with a hanging indent, narrowing the columns with most text', async () => {
    const body = [['LeakyReLU', 'negative_slope=0.01', 'torch.nn.LeakyReLU(negative_slope)']];
    const text = await boxTable(['name', 'parameters', 'PyTorch'], body, 0, 'left', 60);
    expect(widest(text)).toBeLessThanOrEqual(60);
    expect(text).toContain('negative_slope=0.01');
    expect(text).toMatch(/│ torch\.nn\.LeakyReLU +│\n.*│ {3}\(negative_slope\) +│/);
  });

  it('a value table too wide for the width turns into blocks that repeat the key column', async () => {
    const head = ['x', 'GELU', 'GELU′', 'Sigmoid', 'Sigmoid′', 'Tanh', 'Tanh′'];
    const body = [['−3', '−0.00404969', '−0.0119456', '0.0474259', '0.0451767', '−0.995055', '0.00986604']];
    const text = await boxTable(head, body, 0, 'right', 40, { key: 1, group: 2 });
    expect(widest(text)).toBeLessThanOrEqual(40);
    const blocks = text.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(3);
    for (const [i, name] of ['GELU', 'Sigmoid', 'Tanh'].entries()) {
      expect(blocks[i]).toMatch(new RegExp(`│ +x │ +${name} │ +${name}′ │`));
      expect(blocks[i]).toContain('−3');
    }
  });

  it('balances blocks: six functions at 80 columns in 2 + 2 + 2, not 2 + 3 + 1', async () => {
    const names = ['GELU', 'Sigmoid', 'Tanh', 'Mish', 'ReLU', 'SiLU'];
    const head = ['x', ...names.flatMap((n) => [n, `${n}′`])];
    const values = [
      '−0.00404969',
      '−0.0119456',
      '0.0474259',
      '0.0451767',
      '−0.995055',
      '0.00986604',
      '−0.145647',
      '−0.0933931',
      '0',
      '0',
      '−0.142278',
      '−0.0881041',
    ];
    const blocks = (await boxTable(head, [['−3', ...values]], 0, 'right', 80, { key: 1, group: 2 }))
      .trimEnd()
      .split('\n\n');
    expect(blocks.map((b) => (b.split('\n')[1]!.match(/′/g) ?? []).length)).toEqual([2, 2, 2]);
    expect(Math.max(...blocks.map(widest))).toBeLessThanOrEqual(80);
  });

  it('when nothing else fits: one record per row, every line within the width', async () => {
    const head = ['function', 'points', 'max abs error', 'max rel error', 'worst x', 'kinks', 'result'];
    const body = [['Hardshrink', '249', '1.22e−11', '1.22e−11', '−4', '2', 'PASS']];
    const text = await boxTable(head, body, 0, 'right', 24);
    expect(widest(text)).toBeLessThanOrEqual(24);
    expect(text).toMatch(/^Hardshrink\n {2}points +249\n/);
    expect(text).toContain('1.22e−11');
  });

  it('fitsAsBox says whether one box fits', () => {
    expect(fitsAsBox(['a', 'b'], [['hello world', 'x']], 'left', 80)).toBe(true);
    expect(fitsAsBox(['a', 'b'], [['negative_slope=0.01', 'x']], 'left', 12)).toBe(false);
  });
});

describe('shareWidths', () => {
  it('gives the spare columns in proportion to what each column lacks', () => {
    expect(shareWidths([10, 50], [5, 10], 100)).toEqual([10, 50]);
    expect(shareWidths([10, 50], [5, 10], 9)).toEqual([6, 18]);
    expect(shareWidths([20, 20, 20], [10, 10, 10], 10).reduce((a, b) => a + b)).toBe(40);
  });
});
