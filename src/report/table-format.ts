/**
 * Renders a table of x, f(x), f′(x) per function as pretty text, JSON, CSV or Markdown.
 *
 * The JSON output is a contract for scripts: an array with one object per spec,
 * `{ spec, name, params, x, y, dy }`, numbers exact as described in ./numbers.ts.
 */
import type { ActivationFn, Evaluation } from '../math/types.js';
import { exactJSON, formatSignificant, plainNumber } from './numbers.js';
import { cellWidth } from '../paint/text-width.js';

export type TableFormat = 'pretty' | 'json' | 'csv' | 'markdown';

export interface TableData {
  readonly fns: readonly ActivationFn[];
  readonly x: Float64Array;
  readonly results: readonly Evaluation[];
  /** Significant digits for the pretty and Markdown tables. */
  readonly digits: number;
  /** Chalk level for the pretty table (0 = plain). */
  readonly color: 0 | 1 | 2 | 3;
}

export function tableJSON(d: TableData): string {
  const out = d.fns.map((fn, i) => ({
    spec: fn.spec,
    name: fn.name,
    params: { ...fn.params },
    x: d.x,
    y: d.results[i]!.y,
    dy: d.results[i]!.dy,
  }));
  return exactJSON(out) + '\n';
}

function headers(d: TableData): string[] {
  return ['x', ...d.fns.flatMap((fn) => [fn.label, `${fn.label}′`])];
}

function rows(d: TableData, fmt: (v: number) => string): string[][] {
  return Array.from(d.x, (x, r) => [fmt(x), ...d.results.flatMap((res) => [fmt(res.y[r]!), fmt(res.dy[r]!)])]);
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableCSV(d: TableData): string {
  const head = ['x', ...d.fns.flatMap((fn) => [fn.label, `d(${fn.label})`])];
  return [head, ...rows(d, plainNumber)].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function tableMarkdown(d: TableData): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const h = headers(d).map(esc);
  const body = rows(d, (v) => formatSignificant(v, d.digits, '−'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(h), line(h.map(() => '---:')), ...body.map(line)].join('\n') + '\n';
}

/** Bold headers and grey borders when colored. */
export interface Painter {
  readonly head: (s: string) => string;
  readonly border: (s: string) => string;
}

/** Chalk is loaded only when there is color to paint (a TTY or FORCE_COLOR). */
export async function painter(level: 0 | 1 | 2 | 3): Promise<Painter> {
  if (level === 0) return { head: (s) => s, border: (s) => s };
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return { head: (s) => chalk.bold(s), border: (s) => chalk.grey(s) };
}

/**
 * Column widths (content plus padding) that fit `maxWidth` by narrowing the widest columns first,
 * never below `floors[c]`; undefined when the table fits as it is. May still exceed `maxWidth`.
 */
export function fitColumns(natural: readonly number[], maxWidth: number, floors: readonly number[]): number[] | undefined {
  const borders = natural.length + 1;
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, borders);
  if (total() <= maxWidth) return undefined;
  while (total() > maxWidth) {
    const shrinkable = widths.map((w, c) => (w > floors[c]! ? w : -1));
    const widest = shrinkable.indexOf(Math.max(...shrinkable));
    if (shrinkable[widest]! < 0) break;
    widths[widest]!--;
  }
  return widths;
}

/** Content widths that make the columns fit `maxWidth`: wrapping at spaces if possible, else anywhere. */
function fittedWidths(natural: readonly number[], rows: readonly (readonly string[])[], maxWidth: number): number[] {
  const padded = natural.map((w) => w + 2);
  const longestWord = natural.map((_, c) => Math.max(1, ...rows.flatMap((r) => (r[c] ?? '').split(' ').map(cellWidth))) + 2);
  const borders = natural.length + 1;
  const atWords = fitColumns(padded, maxWidth, longestWord);
  if (!atWords) return [...natural];
  const fits = atWords.reduce((a, b) => a + b, borders) <= maxWidth;
  const widths = fits ? atWords : (fitColumns(padded, maxWidth, natural.map(() => 3)) ?? padded);
  return widths.map((w) => w - 2);
}

/** Lines of at most `width` cells: breaks at spaces, and inside words longer than a line. */
export function wrapCell(text: string, width: number): string[] {
  if (cellWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  const push = () => {
    lines.push(line);
    line = '';
  };
  for (const word of text.split(' ')) {
    let w = word;
    if (line && cellWidth(line) + 1 + cellWidth(w) > width) push();
    while (cellWidth(w) > width) {
      // Hard break: as many characters as fit on what is left of the line.
      let room = width - (line ? cellWidth(line) + 1 : 0);
      if (room <= 0) {
        push();
        room = width;
      }
      let head = '';
      for (const ch of w) {
        if (cellWidth(head + ch) > room) break;
        head += ch;
      }
      line = line ? `${line} ${head}` : head;
      w = w.slice(head.length);
      push();
    }
    if (w) line = line ? `${line} ${w}` : w;
  }
  if (line || lines.length === 0) push();
  return lines;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - cellWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * A compact box table: a rule under the header, none between rows, one space of padding. `body`
 * holds the rows, already formatted. With `maxWidth` (a terminal's width) long cells wrap so that
 * the table fits. Linear in the number of cells (a 10⁶-row table takes about a second).
 */
export async function boxTable(
  head: readonly string[],
  body: readonly (readonly string[])[],
  color: 0 | 1 | 2 | 3,
  align: 'left' | 'right' = 'right',
  maxWidth?: number,
): Promise<string> {
  const paint = await painter(color);
  const natural = head.map((h, c) => {
    let w = cellWidth(h);
    for (const r of body) w = Math.max(w, cellWidth(r[c] ?? ''));
    return w;
  });
  const widths = maxWidth === undefined ? natural : fittedWidths(natural, [head, ...body], maxWidth);
  const rule = (l: string, m: string, r: string) => paint.border(l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r);
  const bar = paint.border('│');
  const out: string[] = [rule('┌', '┬', '┐')];
  const line = (cells: readonly string[], style: (s: string) => string) => {
    let text = bar;
    for (let c = 0; c < widths.length; c++) text += ` ${style(pad(cells[c] ?? '', widths[c]!, align))} ${bar}`;
    return text;
  };
  const emit = (cells: readonly string[], style: (s: string) => string) => {
    if (maxWidth === undefined) {
      out.push(line(cells, style));
      return;
    }
    const wrapped = widths.map((w, c) => wrapCell(cells[c] ?? '', w));
    const height = Math.max(...wrapped.map((l) => l.length));
    for (let k = 0; k < height; k++) out.push(line(wrapped.map((l) => l[k] ?? ''), style));
  };
  emit(head, paint.head);
  out.push(rule('├', '┼', '┤'));
  for (const r of body) emit(r, (s) => s);
  out.push(rule('└', '┴', '┘'));
  return out.join('\n') + '\n';
}

export function tablePretty(d: TableData): Promise<string> {
  return boxTable(headers(d), rows(d, (v) => formatSignificant(v, d.digits, '−')), d.color);
}

export async function formatTable(d: TableData, format: TableFormat): Promise<string> {
  switch (format) {
    case 'json':
      return tableJSON(d);
    case 'csv':
      return tableCSV(d);
    case 'markdown':
      return tableMarkdown(d);
    default:
      return tablePretty(d);
  }
}
