/**
 * Wrapping text to a terminal's width without breaking what a reader (or a paste) needs whole.
 *
 * The rules, in order of preference:
 * 1. A text that fits stays one line.
 * 2. Clauses first: a run of two or more spaces (`…;  tanh: …`, `= 0.2   (default …)`) separates
 *    clauses, and a text that has to wrap starts each clause on a line of its own.
 * 3. Then at single spaces, except where the space binds: after a lone operator (`+ −`, `= <`),
 *    which goes to the next line with its operand, as formulas are broken; in `x = −0.75179`,
 *    `|x| > 6.9058` and `24 ns`.
 * 4. A piece still wider than the line breaks inside at an operator or punctuation: after `,` `;`
 *    `·` `×`, before `(` or `[` that follows a name (`torch.nn.Hardshrink` / `(lambd)`), after
 *    the `|` between alternatives (`approximate=none|` / `tanh|sigmoid`: the default stays whole).
 * 5. Only a piece with none of these (a 90-character name on a 40-column terminal) is cut where the
 *    line ends, so that nothing is ever wider than the terminal.
 * Numbers, identifiers and `name=value` contain none of the break points of rules 2–4: they are
 * never split unless rule 5 has to. Lines after the first get the hanging indent `hang`.
 */
import { visibleWidth } from './width.js';

/** Operators that, standing alone, belong with what follows them. */
const OPERATORS = new Set(['+', '−', '-', '=', '≈', '<', '>', '≤', '≥', '≠', '·', '×', '/', '÷', '~', '→', '±']);
/** Relations that bind a short name to a number: `x = −0.75179`, `|x| > 6.9058`. */
const RELATIONS = new Set(['=', '≈', '<', '>', '≤', '≥', '≠']);
const NUMBER = /^[−+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[−+-]?\d+)?[,;:)\]]*$|^[−+-]?(?:∞|inf|NaN)[,;:)\]]*$/i;
const UNITS = new Set(['ns', 'ms', 's', '%', 'px']);

export function isNumberWord(word: string): boolean {
  return NUMBER.test(word);
}

/** Whether a line may end after words[i] (at the space between words[i] and words[i + 1]). */
function breakableAfter(words: readonly string[], i: number): boolean {
  const here = words[i]!;
  const next = words[i + 1]!;
  if (OPERATORS.has(here)) return false;
  if (RELATIONS.has(next) && words[i + 2] !== undefined && isNumberWord(words[i + 2]!) && visibleWidth(here) <= 12)
    return false;
  if (UNITS.has(next.replace(/[,;)]$/, '')) && isNumberWord(here)) return false;
  return true;
}

/** A clause split into pieces at its breakable spaces (rule 3). */
export function pieces(clause: string): string[] {
  const words = clause.split(' ').filter((w) => w !== '');
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    current = current ? `${current} ${words[i]}` : words[i]!;
    if (i === words.length - 1 || breakableAfter(words, i)) {
      out.push(current);
      current = '';
    }
  }
  return out;
}

const NAME_END = /[\p{L}\p{N}_′)\]]/u;
/** Around the `|` between alternatives (`none|tanh`, `0.5|1`), not around `|x|`. */
const ALTERNATIVE = /[\p{L}\p{N}_.]/u;

/**
 * The atoms of a piece (rule 4): the text between its inner break points, each with the text that
 * joins it to the previous atom (' ' for a bound space, which may break too, '' otherwise).
 */
export function atoms(piece: string): { readonly join: string; readonly text: string }[] {
  const out: { join: string; text: string }[] = [];
  let start = 0;
  let join = '';
  const cut = (end: number, skip: number, nextJoin: string) => {
    if (end > start) out.push({ join, text: piece.slice(start, end) });
    start = end + skip;
    join = nextJoin;
  };
  for (let i = 0; i < piece.length; i++) {
    const ch = piece[i]!;
    if (ch === ' ') cut(i, 1, ' ');
    else if ((ch === ',' || ch === ';' || ch === '·' || ch === '×') && i + 1 < piece.length) cut(i + 1, 0, '');
    else if ((ch === '(' || ch === '[') && i > 0 && NAME_END.test(piece[i - 1]!)) cut(i, 0, '');
    else if (ch === '|' && i > 0 && ALTERNATIVE.test(piece[i - 1]!) && ALTERNATIVE.test(piece[i + 1] ?? ''))
      cut(i + 1, 0, '');
  }
  cut(piece.length, 0, '');
  return out;
}

/** Rule 5: `text` cut into lines of at most `first`, then `rest`, columns (whole characters). */
function cutHard(text: string, first: number, rest: number): string[] {
  const lines: string[] = [];
  let line = '';
  let room = Math.max(1, first);
  for (const ch of text) {
    if (line && visibleWidth(line + ch) > room) {
      lines.push(line);
      line = '';
      room = Math.max(1, rest);
    }
    line += ch;
  }
  lines.push(line);
  return lines;
}

/** Greedy filling of `units` (each with the text joining it to the previous one) into lines. */
function fill(
  units: readonly { readonly join: string; readonly text: string }[],
  first: number,
  rest: number,
  split: (text: string, first: number, rest: number) => string[],
): string[] {
  const lines: string[] = [];
  let line = '';
  // The line's width, kept as units are added rather than measured again each time.
  let width = 0;
  const room = () => (lines.length === 0 ? first : rest);
  for (const u of units) {
    const w = visibleWidth(u.text);
    if (line && width + u.join.length + w <= room()) {
      line += u.join + u.text;
      width += u.join.length + w;
      continue;
    }
    if (line) lines.push(line);
    if (w <= room()) {
      line = u.text;
      width = w;
      continue;
    }
    const parts = split(u.text, room(), rest);
    lines.push(...parts.slice(0, -1));
    line = parts[parts.length - 1]!;
    width = visibleWidth(line);
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

function splitPiece(piece: string, first: number, rest: number): string[] {
  const parts = atoms(piece);
  return parts.length > 1 ? fill(parts, first, rest, cutHard) : cutHard(piece, first, rest);
}

/** Lines of `text` by the rules above: the first at most `first` columns wide, the others `rest`. */
function wrapLines(text: string, first: number, rest: number): string[] {
  const clauses = text.split(/ {2,}/).filter((c) => c !== '');
  const lines: string[] = [];
  for (const clause of clauses) {
    const units = pieces(clause).map((p) => ({ join: ' ', text: p }));
    lines.push(...fill(units, lines.length === 0 ? first : rest, rest, splitPiece));
  }
  return lines.length ? lines : [''];
}

/**
 * `text` in lines of at most `width` visible columns, by the rules above; lines after the first
 * start with `hang` (counted in the width). A text that fits is returned as it is.
 */
export function wrapText(text: string, width: number, hang = ''): string[] {
  if (visibleWidth(text) <= width) return [text];
  const indent = visibleWidth(hang) < width ? hang : '';
  return wrapLines(text, width, width - visibleWidth(indent)).map((l, i) => (i === 0 ? l : indent + l));
}

/**
 * `prefix` and `text` in lines of at most `width` columns, the text's continuation lines lined up
 * after the prefix (`f′(x) = …`, `PyTorch  torch.nn…`, `• a note`); when the prefix leaves too
 * little room, continuation lines are indented by two spaces instead.
 */
export function wrapAfter(prefix: string, text: string, width: number): string[] {
  const p = visibleWidth(prefix);
  if (p + visibleWidth(text) <= width) return [prefix + text];
  const hang = width - p >= 16 ? ' '.repeat(p) : '  ';
  return wrapLines(text, Math.max(1, width - p), width - hang.length).map((l, i) => (i === 0 ? prefix : hang) + l);
}

/** minimumWidth's answers: a table measures the same cells again for each shape it tries. */
const MEMO = new Map<string, number>();
const MEMO_LIMIT = 20_000;

/**
 * The narrowest width at which `text` wraps without cutting anything (rule 5), with `hang` on
 * lines after the first; `pieceLevel` leaves out the inner break points of rule 4.
 */
export function minimumWidth(text: string, hang = '', pieceLevel = false): number {
  const key = `${pieceLevel ? 'p' : 'a'}${hang.length}${text}`;
  const known = MEMO.get(key);
  if (known !== undefined) return known;
  const whole = visibleWidth(text);
  let widest = 0;
  for (const clause of text.split(/ {2,}/)) {
    for (const p of pieces(clause)) {
      if (pieceLevel) widest = Math.max(widest, visibleWidth(p));
      else for (const a of atoms(p)) widest = Math.max(widest, visibleWidth(a.text));
    }
  }
  const width = Math.min(whole, widest + (widest < whole ? visibleWidth(hang) : 0));
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(key, width);
  return width;
}
