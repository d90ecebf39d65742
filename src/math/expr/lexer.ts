/**
 * Splits an expression such as `x*sigmoid(1.702*x)` into tokens, each with its offset in the
 * text the user typed (so that errors can name the column).
 */
import { UsageError } from '../../errors.js';

export type TokenKind = 'number' | 'name' | 'op' | '(' | ')' | ',' | '=' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The text as written (operators normalized: `**` → `^`, `−` → `-`, `·` and `×` → `*`). */
  readonly text: string;
  /** Offset of the first character in the whole spec (column = pos + 1). */
  readonly pos: number;
  /** For numbers: the value. */
  readonly value?: number;
}

/** Columns are 1-based, as editors and the examples count them. */
export function column(pos: number): string {
  return `column ${pos + 1}`;
}

/** The exponent's sign may be the true minus that actfn prints (`1e−9`). */
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+\-−]?\d+)?/y;
// Any letters, so that a mistyped name (高斯(x)) is an unknown name, not an unexpected character.
const NAME = /(?!π)[\p{L}_][\p{L}\p{N}_]*/uy;
const SPACE = /\s+/y;

/** Longest operators first, so that `**` is not read as two `*`. */
const OPERATORS: readonly (readonly [string, string])[] = [
  ['**', '^'],
  ['<=', '<='],
  ['>=', '>='],
  ['==', '=='],
  ['!=', '!='],
  ['+', '+'],
  ['-', '-'],
  ['−', '-'],
  ['*', '*'],
  ['·', '*'],
  ['×', '*'],
  ['/', '/'],
  ['^', '^'],
  ['<', '<'],
  ['>', '>'],
];
const PUNCTUATION: Readonly<Record<string, TokenKind>> = { '(': '(', ')': ')', ',': ',', '=': '=' };

const HINTS: Readonly<Record<string, string>> = {
  '!': ' (use != for "not equal")',
  '"': ' (words need no quotes: approximate=tanh)',
  "'": ' (words need no quotes: approximate=tanh)',
  '|': ' (a sweep such as alpha=0.5|1 goes in a keyword parameter)',
};

/** A character as it should appear in an error message (control characters escaped). */
export function showChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
}

function readSticky(re: RegExp, text: string, pos: number): string | undefined {
  re.lastIndex = pos;
  return re.exec(text)?.[0];
}

/**
 * Tokens of `text[from, to)`; offsets are relative to the whole of `text`, so a `NAME=` prefix
 * before `from` still counts in the columns.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let pos = from;
  while (pos < to) {
    const space = readSticky(SPACE, text, pos);
    if (space) {
      pos += space.length;
      continue;
    }
    const num = readSticky(NUMBER, text, pos);
    if (num) {
      const value = Number(num.replace('−', '-'));
      if (!Number.isFinite(value))
        throw new UsageError(`number '${num}' at ${column(pos)} is beyond the largest double (about 1.8e308)`);
      tokens.push({ kind: 'number', text: num, pos, value });
      pos += num.length;
      continue;
    }
    const name = readSticky(NAME, text, pos);
    if (name) {
      tokens.push({ kind: 'name', text: name, pos });
      pos += name.length;
      continue;
    }
    if (text[pos] === 'π') {
      tokens.push({ kind: 'name', text: 'pi', pos });
      pos += 1;
      continue;
    }
    const op = OPERATORS.find(([written]) => text.startsWith(written, pos));
    if (op) {
      tokens.push({ kind: 'op', text: op[1], pos });
      pos += op[0].length;
      continue;
    }
    const punct = PUNCTUATION[text[pos]!];
    if (punct) {
      tokens.push({ kind: punct, text: text[pos]!, pos });
      pos += 1;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(pos)!);
    const hint = HINTS[ch] ?? '';
    throw new UsageError(`unexpected character '${showChar(ch)}' at ${column(pos)}${hint}`);
  }
  tokens.push({ kind: 'end', text: '', pos: to });
  return tokens;
}
