/**
 * `actfn stats` output: one row per function (pretty), or the JSON contract — an array with one
 * object per function, numbers exact (see ./numbers.ts):
 * `{ spec, name, params, mean, var, expectedF, varianceF, expectedF2, expectedDf, expectedDf2,
 *    deadMass, gain, torchGain: { call, value } | null, gainDifference | null, chi1AtGain,
 *    selfNormalizing }`.
 */
import type { GainStats } from '../math/network/gain.js';
import type { ActivationFn } from '../math/types.js';
import { exactJSON, formatSignificant } from './numbers.js';
import { boxTable } from './table-format.js';

export interface StatsRow {
  readonly fn: ActivationFn;
  readonly stats: GainStats;
}

const DIGITS = 6;
/** Below this share of E[|f|], E[f] is 0 within the quadrature's accuracy (see gaussian.ts). */
const ZERO = 1e-13;

function show(v: number): string {
  return formatSignificant(v, DIGITS, '−');
}

/** E[f] as 0 when it is zero to the accuracy of the integral (SELU's −6e−17 is a rounding of 0). */
function showMean(s: GainStats): string {
  return Math.abs(s.expectedF) <= ZERO * s.expectedAbsF ? '0' : show(s.expectedF);
}

/** Our gain minus torch's, 0 when they agree to 1e−12 (ReLU's differ in the last bit only). */
function showDifference(d: number, gain: number): string {
  return Math.abs(d) <= 1e-12 * gain ? '0' : show(d);
}

export const STATS_HEAD = [
  'function',
  'E[f]',
  'Var[f]',
  'E[f²]',
  'E[f′]',
  'E[f′²]',
  'P(f′=0)',
  'gain',
  'torch gain',
  'difference',
  'χ₁ at gain',
];

export function statsRows(rows: readonly StatsRow[]): string[][] {
  return rows.map(({ fn, stats: s }) => [
    s.keepsInput ? `${fn.label} *` : fn.label,
    showMean(s),
    show(s.varianceF),
    show(s.expectedF2),
    show(s.expectedDf),
    show(s.expectedDf2),
    show(s.deadMass),
    show(s.gain),
    s.torchGain ? show(s.torchGain.value) : '—',
    s.gainDifference === undefined ? '—' : showDifference(s.gainDifference, s.gain),
    show(s.chi1AtGain),
  ]);
}

/** The table, a line saying what z is, and a note for functions that keep N(μ, q). */
export async function statsPretty(rows: readonly StatsRow[], color: 0 | 1 | 2 | 3, maxWidth?: number): Promise<string> {
  const first = rows[0]?.stats;
  const z = first ? `z ~ N(${show(first.mean)}, ${show(first.variance)})` : 'z ~ N(0, 1)';
  let text = `${z}; gain = 1/√E[f(z)²] (init std = gain/√fan_in); χ₁ at gain = E[f′²]/E[f²]\n`;
  text += await boxTable(STATS_HEAD, statsRows(rows), color, 'right', maxWidth);
  const keeps = rows.filter((r) => r.stats.keepsInput).map((r) => r.fn.label);
  if (keeps.length && first) {
    const n = `N(${show(first.mean)}, ${show(first.variance)})`;
    text += `* keeps ${n}: E[f] = ${show(first.mean)} and Var[f] = ${show(first.variance)} to 1e−12, the fixed point of a self-normalizing network\n`;
  }
  return text;
}

export function statsJSON(rows: readonly StatsRow[]): string {
  const out = rows.map(({ fn, stats: s }) => ({
    spec: fn.spec,
    name: fn.name,
    params: { ...fn.params },
    mean: s.mean,
    var: s.variance,
    expectedF: s.expectedF,
    varianceF: s.varianceF,
    expectedF2: s.expectedF2,
    expectedDf: s.expectedDf,
    expectedDf2: s.expectedDf2,
    deadMass: s.deadMass,
    gain: s.gain,
    torchGain: s.torchGain ? { call: s.torchGain.call, value: s.torchGain.value } : null,
    gainDifference: s.gainDifference ?? null,
    chi1AtGain: s.chi1AtGain,
    selfNormalizing: s.keepsInput,
  }));
  return exactJSON(out) + '\n';
}
