/**
 * Tick formatters: the text under a tick. All labels of an axis share one notation: fixed
 * decimals from the step (0.5 → one decimal), scientific m×10ⁿ for very large or small steps,
 * 10ⁿ for decades on a log axis. Negative numbers get a true minus sign "−" (U+2212).
 */
import type { TickSet } from './ticks.js';

export const MINUS = '\u2212';
const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};

/** 10 with `e` as a superscript: 10⁻³. */
export function tenToThe(e: number): string {
  return `10${String(e).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

function withMinus(text: string): string {
  return text.replace(/^-/, MINUS);
}

/** m×10ⁿ with just enough digits in m for values spaced by 10^power (1×10ⁿ is written 10ⁿ). */
function scientific(v: number, power: number): string {
  let e = Math.floor(Math.log10(Math.abs(v)));
  let digits = Math.min(15, Math.max(0, e - power));
  let text = (v / 10 ** e).toFixed(digits);
  if (Math.abs(Number(text)) >= 10) {
    // 9.96 rounded to 10.0: one decade up.
    e += 1;
    digits = Math.max(0, digits - 1);
    text = (v / 10 ** e).toFixed(digits);
  }
  if (digits > 0) text = text.replace(/\.?0+$/, '');
  text = withMinus(text);
  if (text === '1') return tenToThe(e);
  if (text === `${MINUS}1`) return `${MINUS}${tenToThe(e)}`;
  return `${text}×${tenToThe(e)}`;
}

/** Whether an axis's labels should be written m×10ⁿ rather than as plain decimals. */
function needsScientific(ticks: TickSet): boolean {
  const biggest = Math.max(...ticks.values.map(Math.abs));
  return biggest >= 1e6 || ticks.power < -4;
}

/** The label of each tick in `ticks`, in order. */
export function formatTicks(ticks: TickSet): string[] {
  if (ticks.decades) return ticks.values.map((v) => tenToThe(Math.round(Math.log10(v))));
  if (!Number.isFinite(ticks.step)) return ticks.values.map((v) => withMinus(shortest(v)));
  const sci = needsScientific(ticks);
  return ticks.values.map((v) => {
    if (v === 0) return '0';
    return sci ? scientific(v, ticks.power) : withMinus(v.toFixed(Math.max(0, -ticks.power)));
  });
}

/** Shortest decimal that reads back as v; m×10ⁿ outside everyday magnitudes. */
function shortest(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return scientific(v, Math.floor(Math.log10(a)) - 3);
  return withMinus(String(v));
}
