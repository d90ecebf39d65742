/** The expression parser: precedence, the tree it builds, and its errors (with columns). */
import { describe, expect, it } from 'vitest';
import type { Ast } from '../../src/math/expr/ast.js';
import { MAX_EXPRESSION_LENGTH, MAX_NESTING, parseExpression } from '../../src/math/expr/parser.js';
import { tokenize } from '../../src/math/expr/lexer.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { usageMessage } from '../support/usage-error.js';

/** The tree as fully parenthesized text, so that precedence is visible in one string. */
function show(node: Ast): string {
  switch (node.type) {
    case 'number':
      return String(node.value);
    case 'name':
      return node.name;
    case 'negate':
      return `(-${show(node.arg)})`;
    case 'chain':
      return `(${show(node.first)}${node.rest.map((r) => ` ${r.op} ${show(r.operand)}`).join('')})`;
    case 'power':
      return `(${show(node.base)} ^ ${show(node.exponent)})`;
    case 'compare':
      return `(${show(node.left)} ${node.op} ${show(node.right)})`;
    case 'call':
      return `${node.name}[${[...node.args.map(show), ...node.kwargs.map((k) => `${k.key}=${show(k.value)}`)].join(', ')}]`;
  }
}

const parsed = (text: string) => show(parseExpression(text));

const errorOf = (text: string) => usageMessage(() => resolveSpec(text));

describe('lexer', () => {
  it('reads numbers in every decimal form, and offsets from the start of the text', () => {
    const t = tokenize('1e-3 + .5*2.', 0);
    expect(t.map((k) => [k.kind, k.text, k.pos])).toEqual([
      ['number', '1e-3', 0],
      ['op', '+', 5],
      ['number', '.5', 7],
      ['op', '*', 9],
      ['number', '2.', 10],
      ['end', '', 12],
    ]);
    expect(t[0]!.value).toBe(0.001);
  });
  it('normalizes ** to ^ and the Unicode operators of our formula texts', () => {
    expect(tokenize('x**2 − 3·x × π').map((k) => k.text)).toEqual(['x', '^', '2', '-', '3', '*', 'x', '*', 'pi', '']);
  });
  it('refuses a literal beyond the largest double', () => {
    expect(usageMessage(() => tokenize('x*1e999'))).toBe(
      "number '1e999' at column 3 is beyond the largest double (about 1.8e308)",
    );
  });
});

describe('precedence and associativity (as in Python)', () => {
  const cases: [string, string][] = [
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 - 2 - 3', '(1 - 2 - 3)'],
    ['8 / 4 / 2', '(8 / 4 / 2)'],
    ['2 ^ 3 ^ 2', '(2 ^ (3 ^ 2))'],
    ['2 ** 3 ** 2', '(2 ^ (3 ^ 2))'],
    ['-x ^ 2', '(-(x ^ 2))'],
    ['2 ^ -x', '(2 ^ (-x))'],
    ['-x * 3', '((-x) * 3)'],
    ['--x', '(-(-x))'],
    ['+x', 'x'],
    ['a * b + c * d', '((a * b) + (c * d))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['1 - (2 - 3)', '(1 - (2 - 3))'],
    ['x < 1 + 2', '(x < (1 + 2))'],
    ['leaky_relu(x, negative_slope=0.2)', 'leaky_relu[x, negative_slope=0.2]'],
    ['gelu(2*x, approximate=tanh)', 'gelu[(2 * x), approximate=tanh]'],
    ['where(x >= 0, x, 0)', 'where[(x >= 0), x, 0]'],
    ['f()', 'f[]'],
  ];
  it.each(cases)('%s → %s', (text, tree) => {
    expect(parsed(text)).toBe(tree);
  });
  it('keeps a long sum as one flat node (the tree is as deep as the parentheses, not the terms)', () => {
    const tree = parseExpression(Array(3000).fill('x').join('+'));
    expect(tree.type === 'chain' && tree.rest.length).toBe(2999);
  });
});

describe('errors name the column', () => {
  const cases: [string, string][] = [
    ['x*sigmod(x)', "unknown function 'sigmod' at column 3; did you mean 'sigmoid'?"],
    ['x*(1+x', "missing ')' at column 7 to close the '(' at column 3"],
    ['sigmoid(x', "missing ')' at column 10 to close sigmoid's '(' at column 8"],
    ['x)', "unmatched ')' at column 2"],
    ['(x))', "unmatched ')' at column 4"],
    ['max(x)', 'missing argument at column 6: max(a, b) takes 2 arguments, got 1'],
    ['max(x,)', "missing argument after ',' at column 6"],
    ['max(,x)', "missing argument after '(' at column 4"],
    ['x*sigmoid()', 'missing argument at column 11: sigmoid takes one argument, e.g. sigmoid(x)'],
    [
      'x*leaky_relu()',
      'missing argument at column 14: leaky_relu takes one argument, e.g. leaky_relu(x, negative_slope=0.01)',
    ],
    ['sin()', 'missing argument at column 5: sin(x) takes one argument, got 0'],
    ['max(x, 1, 2)', 'too many arguments at column 11: max(a, b) takes 2 arguments, got 3'],
    ['x*', "missing operand after '*' at column 2"],
    ['x # 2', "unexpected character '#' at column 3"],
    ['x\u0007', "unexpected character '\\u0007' at column 2"],
    ['2x', "missing operator before 'x' at column 2 (write 2*x, not 2x)"],
    ['x + * 2', "unexpected '*' at column 5; expected a number, x, a function call or '('"],
    ['()', 'empty parentheses at column 1'],
    ['x, 2', "unexpected ',' at column 2 outside a function call"],
    ['x = 2', "unexpected '=' at column 3; keyword parameters go inside a call (elu(x, alpha=2)), equality is =="],
    ['1 < x < 2', "comparisons cannot be chained ('<' at column 7); nest where() instead"],
    [
      'elu(alpha=2, x)',
      'positional argument at column 14 after keyword arguments in elu(); the input comes first, e.g. gelu(2*x, approximate=tanh)',
    ],
  ];
  it.each(cases)('%s', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });
  it('counts columns from the start of NAME=, as typed', () => {
    expect(errorOf('MySwish=x*sigmod(x)')).toBe("unknown function 'sigmod' at column 11; did you mean 'sigmoid'?");
  });
});

describe('limits: clear errors, never a stack overflow', () => {
  it(`refuses more than ${MAX_EXPRESSION_LENGTH} characters`, () => {
    const text = `x${'+x'.repeat(MAX_EXPRESSION_LENGTH / 2)}`;
    expect(errorOf(text)).toBe(`expression is ${text.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`);
  });
  it(`accepts nesting up to ${MAX_NESTING} parentheses (as the README says), refuses deeper`, () => {
    const nest = (n: number) => `${'('.repeat(n)}x${')'.repeat(n)}`;
    expect(resolveSpec(nest(MAX_NESTING)).evaluate([2]).y[0]).toBe(2);
    expect(errorOf(nest(MAX_NESTING + 1))).toMatch(
      new RegExp(`^expression nests deeper than ${MAX_NESTING} levels \\(at column \\d+\\)$`),
    );
  });
  it.each([
    ['parentheses', '('.repeat(5000)],
    ['unary minus', '-'.repeat(9999) + 'x'],
    ['powers', 'x^'.repeat(4999) + 'x'],
    ['calls', 'sin('.repeat(1600) + 'x' + ')'.repeat(1600)],
  ])('refuses deep %s with a UsageError', (_what, text) => {
    expect(errorOf(text)).toMatch(/nests deeper than 256 levels/);
  });
  it('evaluates a 5000-term sum (flat, so no deep recursion at run time either)', () => {
    const fn = resolveSpec(Array(4999).fill('x').join('+'));
    const { y, dy } = fn.evaluate([1]);
    expect([y[0], dy[0]]).toEqual([4999, 4999]);
  });
});
