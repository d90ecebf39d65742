/**
 * Renders a table of x, f(x), f′(x) per function as pretty text, JSON, CSV or Markdown.
 *
 * The JSON output is a contract for scripts: an array with one object per spec,
 * `{ spec, name, params, x, y, dy }`, numbers exact as described in ./numbers.ts.
 */
import type { ActivationFn, Evaluation } from '../math/types.js';
import { exactJSON, formatSignificant, plainNumber } from './numbers.js';
import { padVisible, visibleWidth } from './width.js';
import { minimumWidth, wrapText } from './wrap.js';

export type TableFormat = 'pretty' | 'json' | 'csv' | 'markdown';

export interface TableData {
  readonly fns: readonly ActivationFn[];
  readonly x: Float64Array;
  readonly results: readonly Evaluation[];
  /** Significant digits for the pretty and Markdown tables. */
  readonly digits: number;
  /** Chalk level for the pretty table (0 = plain). */
  readonly color: 0 | 1 | 2 | 3;
  /** Width the pretty table must fit (a terminal's, or --width); undefined: one line per row. */
  readonly width?: number;
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
export function fitColumns(
  natural: readonly number[],
  maxWidth: number,
  floors: readonly number[],
): number[] | undefined {
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

/**
 * Column widths from `floors` up, with `spare` columns shared in proportion to what each column
 * lacks of its natural width: the column with the most text gets the most room, so the table is
 * about as short as it can be (narrowing the widest column first would leave it the narrowest).
 */
export function shareWidths(natural: readonly number[], floors: readonly number[], spare: number): number[] {
  const lack = natural.map((w, c) => Math.max(0, w - floors[c]!));
  const total = lack.reduce((a, b) => a + b, 0);
  if (total <= spare) return [...natural];
  const share = lack.map((l) => (l * spare) / total);
  const widths = floors.map((f, c) => f + Math.floor(share[c]!));
  // Largest remainders first, for the columns the rounding left over.
  let left = spare - widths.reduce((a, w, c) => a + w - floors[c]!, 0);
  const order = share.map((v, c) => [v - Math.floor(v), c] as const).sort((a, b) => b[0] - a[0]);
  for (const [, c] of order) {
    if (left <= 0) break;
    widths[c]!++;
    left--;
  }
  return widths;
}

/** How a table may change shape when it does not fit (see boxTable). */
export interface TableShape {
  /** The first `key` columns (x; the property; the function) are repeated in every block. */
  readonly key?: number;
  /** The columns after the key go into blocks in groups of this many (a function's f and f′). */
  readonly group?: number;
}

type Align = 'left' | 'right';

/** Continuation lines of a wrapped left-aligned cell are indented (right-aligned cells are numbers). */
const HANG = '  ';
/** A cell with nothing to show. */
const NOTHING = '—';
/** Characters where a cell may wrap: cells without any (numbers, most names) measure as they are. */
const MAY_WRAP = /[ ,;·×([|]/;

const cellText = (row: readonly string[], c: number) => row[c] || NOTHING;

/** Total width of a box whose columns hold `widths` of content (plus a space each side and borders). */
const boxWidth = (widths: readonly number[]) => widths.reduce((a, w) => a + w + 3, 1);

interface Grid {
  readonly head: readonly string[];
  readonly body: readonly (readonly string[])[];
  readonly align: Align;
}

function naturalWidths(g: Grid): number[] {
  return g.head.map((h, c) => {
    let w = visibleWidth(h);
    for (const r of g.body) w = Math.max(w, visibleWidth(cellText(r, c)));
    return w;
  });
}

/** The narrowest each column can be without cutting a word (pieceLevel) or an atom (see ./wrap.ts). */
function floorWidths(g: Grid, pieceLevel: boolean): number[] {
  const hang = g.align === 'left' ? HANG : '';
  const floor = (text: string) => (MAY_WRAP.test(text) ? minimumWidth(text, hang, pieceLevel) : visibleWidth(text));
  return g.head.map((h, c) => {
    let w = floor(h);
    for (const r of g.body) w = Math.max(w, floor(cellText(r, c)));
    return w;
  });
}

/** Content widths that fit `maxWidth` (wrapping cells at words, then at operators), or undefined. */
function fittedWidths(g: Grid, maxWidth: number): { widths: number[]; wrap: boolean } | undefined {
  const natural = naturalWidths(g);
  if (boxWidth(natural) <= maxWidth) return { widths: natural, wrap: false };
  for (const pieceLevel of [true, false]) {
    const floors = floorWidths(g, pieceLevel);
    if (boxWidth(floors) > maxWidth) continue;
    return { widths: shareWidths(natural, floors, maxWidth - boxWidth(floors)), wrap: true };
  }
  return undefined;
}

function renderBox(g: Grid, widths: readonly number[], wrap: boolean, paint: Painter): string[] {
  const rule = (l: string, m: string, r: string) => paint.border(l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r);
  const bar = paint.border('│');
  const hang = g.align === 'left' ? HANG : '';
  const out: string[] = [rule('┌', '┬', '┐')];
  const line = (cells: readonly string[], style: (s: string) => string) => {
    let text = bar;
    for (let c = 0; c < widths.length; c++) text += ` ${style(padVisible(cells[c]!, widths[c]!, g.align))} ${bar}`;
    return text;
  };
  const emit = (cells: readonly string[], style: (s: string) => string) => {
    if (!wrap) {
      out.push(line(cells, style));
      return;
    }
    const wrapped = widths.map((w, c) => wrapText(cells[c]!, w, hang));
    const height = Math.max(...wrapped.map((l) => l.length));
    for (let k = 0; k < height; k++)
      out.push(
        line(
          wrapped.map((l) => l[k] ?? ''),
          style,
        ),
      );
  };
  emit(g.head, paint.head);
  out.push(rule('├', '┼', '┤'));
  for (const r of g.body)
    emit(
      g.head.map((_, c) => cellText(r, c)),
      (s) => s,
    );
  out.push(rule('└', '┴', '┘'));
  return out;
}

/** The columns `cols` of `g`. */
function pick(g: Grid, cols: readonly number[]): Grid {
  return {
    head: cols.map((c) => g.head[c]!),
    body: g.body.map((r) => cols.map((c) => cellText(r, c))),
    align: g.align,
  };
}

/**
 * Blocks of the key columns and as many groups of the others as fit side by side, in order;
 * undefined when the key and one group do not fit.
 */
function blocks(g: Grid, maxWidth: number, shape: Required<TableShape>, paint: Painter): string[] | undefined {
  const key = Array.from({ length: shape.key }, (_, c) => c);
  const groups: number[][] = [];
  for (let c = shape.key; c < g.head.length; c += shape.group) {
    groups.push(Array.from({ length: Math.min(shape.group, g.head.length - c) }, (_, k) => c + k));
  }
  const fits = (cols: readonly number[]) => fittedWidths(pick(g, [...key, ...cols]), maxWidth) !== undefined;
  const render = (cols: readonly number[]) => {
    const sub = pick(g, [...key, ...cols]);
    const f = fittedWidths(sub, maxWidth)!;
    return renderBox(sub, f.widths, f.wrap, paint).join('\n');
  };
  // As few blocks as fit, then as even as they can be: 6 functions in 2 + 2 + 2, not 3 + 2 + 1.
  let count = 0;
  let taken: number[][] = [];
  for (const group of groups) {
    if (taken.length > 0 && fits([...taken, group].flat())) {
      taken.push(group);
      continue;
    }
    if (!fits(group)) return undefined;
    count++;
    taken = [group];
  }
  for (let k = count; k <= groups.length; k++) {
    const sizes = Array.from({ length: k }, (_, b) => Math.floor(groups.length / k) + (b < groups.length % k ? 1 : 0));
    const starts = sizes.map((_, b) => sizes.slice(0, b).reduce((a, n) => a + n, 0));
    const blocks = sizes.map((n, b) => groups.slice(starts[b], starts[b]! + n).flat());
    if (blocks.every(fits)) return blocks.map(render);
  }
  return undefined;
}

/**
 * `label` and `value` as lines of at most `width` columns after `indent`: side by side with the
 * label in a column `labelWidth` wide if the value then wraps without cutting, else the label on a
 * line of its own and the value under it, indented two more columns.
 */
function field(label: string, value: string, indent: string, labelWidth: number, width: number): string[] {
  const valueWidth = width - indent.length - labelWidth - 2;
  const fitsBeside =
    valueWidth >= 8 && minimumWidth(value, HANG) <= valueWidth && minimumWidth(label, ' ') <= labelWidth;
  if (fitsBeside) {
    const labels = wrapText(label, labelWidth, ' ');
    const values = wrapText(value, valueWidth, HANG);
    return Array.from({ length: Math.max(labels.length, values.length) }, (_, k) =>
      `${indent}${padVisible(labels[k] ?? '', labelWidth)}  ${values[k] ?? ''}`.trimEnd(),
    );
  }
  const under = `${indent}  `;
  return [
    ...wrapText(label, width - indent.length, ' ').map((l) => indent + l),
    ...wrapText(value, width - under.length, HANG).map((l) => under + l),
  ];
}

/**
 * The last shape, for any table on any width. Two columns (a property and its value): one line,
 * or a few, per row, under the header. More: one record per row, its first cell as a title and
 * each other column as a `name  value` field.
 */
function records(g: Grid, maxWidth: number, paint: Painter): string {
  const labelWidth = (labels: readonly string[], share: number) =>
    Math.min(Math.max(...labels.map(visibleWidth)), Math.max(4, Math.floor((maxWidth - 4) * share)));
  if (g.head.length === 2) {
    const width = labelWidth(
      g.body.map((r) => cellText(r, 0)),
      1 / 2,
    );
    const head = field(g.head[0]!, g.head[1]!, '', width, maxWidth).map((l) => paint.head(l));
    return [...head, ...g.body.flatMap((r) => field(cellText(r, 0), cellText(r, 1), '', width, maxWidth))].join('\n');
  }
  const width = labelWidth(g.head.slice(1), 1 / 3);
  return g.body
    .map((r) => {
      const lines = wrapText(cellText(r, 0), maxWidth, HANG).map((l) => paint.head(l));
      for (let c = 1; c < g.head.length; c++) lines.push(...field(g.head[c]!, cellText(r, c), '  ', width, maxWidth));
      return lines.join('\n');
    })
    .join('\n\n');
}

/** Whether the table fits `maxWidth` as one box (its cells wrapped if need be), without other shapes. */
export function fitsAsBox(
  head: readonly string[],
  body: readonly (readonly string[])[],
  align: Align,
  maxWidth: number,
): boolean {
  return fittedWidths({ head, body, align }, maxWidth) !== undefined;
}

/**
 * A compact box table: a rule under the header, none between rows, one space of padding. `body`
 * holds the rows, already formatted (colored cells are measured without their color codes); an
 * empty cell shows "—". Without `maxWidth` (a pipe or a file) every row is one line. With it (a
 * terminal's width, or --width) the table fits by changing shape rather than letting the terminal
 * break its lines: cells wrap at words, then at operators (./wrap.ts), narrowing the widest
 * columns first; then, given a `shape` key, the other columns go into blocks that repeat the key
 * columns; and when nothing else fits, one record per row. Linear in the number of cells (a
 * 10⁶-row table takes about a second).
 */
export async function boxTable(
  head: readonly string[],
  body: readonly (readonly string[])[],
  color: 0 | 1 | 2 | 3,
  align: Align = 'right',
  maxWidth?: number,
  shape: TableShape = {},
): Promise<string> {
  const paint = await painter(color);
  const g: Grid = { head, body, align };
  if (maxWidth === undefined) return renderBox(g, naturalWidths(g), false, paint).join('\n') + '\n';
  const fit = fittedWidths(g, maxWidth);
  if (fit) return renderBox(g, fit.widths, fit.wrap, paint).join('\n') + '\n';
  if (shape.key !== undefined && shape.key > 0 && head.length > shape.key + 1) {
    // A function's f and f′ side by side if they fit, else one column per block.
    const group = shape.group ?? 1;
    const b =
      blocks(g, maxWidth, { key: shape.key, group }, paint) ??
      (group > 1 ? blocks(g, maxWidth, { key: shape.key, group: 1 }, paint) : undefined);
    if (b) return b.join('\n\n') + '\n';
  }
  return records(g, maxWidth, paint) + '\n';
}

/** The x column is repeated in each block when the functions do not fit side by side; f and f′ stay together. */
export function tablePretty(d: TableData): Promise<string> {
  return boxTable(
    headers(d),
    rows(d, (v) => formatSignificant(v, d.digits, '−')),
    d.color,
    'right',
    d.width,
    { key: 1, group: 2 },
  );
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
