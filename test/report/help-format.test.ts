/** Help and messages fitted to a terminal (src/report/help-format.ts). */
import { describe, expect, it } from 'vitest';
import { fitExample, fitHelpText, fitMessage } from '../../src/report/help-format.js';
import { shellWords } from '../support/shell-examples.js';
import { visibleWidth } from '../../src/report/width.js';

describe('fitExample', () => {
  it('leaves an example that fits alone', () => {
    expect(fitExample('  $ actfn plot GELU   # writes GELU.png', 80)).toEqual([
      '  $ actfn plot GELU   # writes GELU.png',
    ]);
  });

  it('moves the comment above, and continues the command after " \\" so that it still pastes', () => {
    const lines = fitExample(
      '  $ actfn plot ReLU6 --labels 原函數,導函數 --theme dark -o relu6.webp  # CJK labels',
      40,
    );
    expect(lines[0]).toBe('  # CJK labels');
    for (const l of lines) expect(visibleWidth(l)).toBeLessThanOrEqual(40);
    for (const l of lines.slice(1, -1)) expect(l.endsWith(' \\')).toBe(true);
    // What a shell reads: the lines joined at the backslash-newlines.
    const command = lines
      .slice(1)
      .join('\n')
      .replace(/ \\\n\s*/g, ' ')
      .replace(/^\s*\$ /, '');
    expect(shellWords(command)).toEqual([
      'actfn',
      'plot',
      'ReLU6',
      '--labels',
      '原函數,導函數',
      '--theme',
      'dark',
      '-o',
      'relu6.webp',
    ]);
  });

  it('keeps quoted words whole', () => {
    const lines = fitExample('  $ actfn table "LeakyReLU(negative_slope=0.1)" Sigmoid --json', 40);
    expect(lines.some((l) => l.includes('"LeakyReLU(negative_slope=0.1)"'))).toBe(true);
  });
});

describe('fitHelpText and fitMessage', () => {
  it('re-wraps a paragraph with a line too long as one paragraph; piped, leaves the text alone', () => {
    const text =
      'Functions are catalog names with parameters (GELU,\nleaky_relu:negative_slope=0.2) or expressions.\n\nExamples:\n  $ actfn list';
    const fitted = fitHelpText(text, 30);
    expect(fitted.split('\n').every((l) => visibleWidth(l) <= 30)).toBe(true);
    expect(fitted).toContain('leaky_relu:negative_slope=0.2)');
    expect(fitted.endsWith('Examples:\n  $ actfn list')).toBe(true);
    expect(fitHelpText(text, undefined)).toBe(text);
  });

  it('a message stays one line piped, and wraps with an indent on a terminal', () => {
    const message = "actfn: --x '1,,2': empty item in the list (expected numbers separated by commas, e.g. -3,0,3)";
    expect(fitMessage(message, undefined)).toBe(message);
    const lines = fitMessage(message, 40).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
    expect(lines.every((l) => visibleWidth(l) <= 40)).toBe(true);
  });
});
