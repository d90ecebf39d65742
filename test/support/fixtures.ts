/**
 * Reads the reference data written by test/fixtures/generate.py (see test/fixtures/README.md):
 * one JSON file per catalog entry. Doubles are JSON numbers (non-finite ones as 'NaN' /
 * '±Infinity' strings); mpmath values are decimal strings, read exactly by parseExact.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseExact, type Exact } from './exact.js';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Per-point flags (bit values as in generate.py). */
export const FLAG = {
  /** Corner or jump of f: the expected f′ is torch's convention. */
  kink: 1,
  /** Piecewise boundary: f″ undefined. */
  break: 2,
  /** Near a root of f, f′, f″: relative accuracy unattainable; compare with torch instead. */
  illF: 4,
  illDf: 8,
  illD2: 16,
  /** Finite |x| > 1000. */
  beyond: 32,
} as const;

type JsonNum = number | string;

export function decodeNumber(v: JsonNum): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  throw new Error(`fixture: not a double: ${v}`);
}

export interface Point {
  readonly x: number;
  readonly f: Exact;
  readonly df: Exact;
  readonly d2: Exact;
  /** The decimal strings, for messages. */
  readonly text: { readonly f: string; readonly df: string; readonly d2: string };
  readonly torchF: number;
  readonly torchDf: number;
  readonly flags: number;
  readonly condD2: number;
}

export interface Breakpoint {
  readonly x: number;
  readonly jump: boolean;
  readonly corner: boolean;
  readonly dfLeft: Exact;
  readonly dfRight: Exact;
  /** At a corner or jump: torch's f′ there and its exact value. */
  readonly torchDf?: number;
  readonly df?: Exact;
  readonly convention?: string;
}

export interface PointwiseSet {
  readonly label: string;
  /** The parameters that differ from the defaults, as the fixture gives them. */
  readonly params: Readonly<Record<string, number | string>>;
  /** Every parameter the reference used, defaults included. */
  readonly paramsAll: Readonly<Record<string, number | string>>;
  readonly torch: string;
  readonly breakpoints: readonly Breakpoint[];
  readonly points: readonly Point[];
}

export interface VectorCase {
  readonly name: string;
  readonly x: Float64Array;
  readonly y: readonly Exact[];
  readonly diag: readonly Exact[];
  readonly yText: readonly string[];
  readonly diagText: readonly string[];
  readonly flags: readonly number[];
  /** Sparsemax at a knife-edge support: the other reading, equally exact. */
  readonly yAlt?: readonly Exact[];
  readonly diagAlt?: readonly Exact[];
  /** Sparsemax's threshold τ (scale of the cancellation zᵢ − τ). */
  readonly tau?: Exact;
  readonly torchY?: readonly number[];
  readonly torchDiag?: readonly number[];
  readonly jacobian?: readonly (readonly Exact[])[];
  readonly torchJacobian?: readonly (readonly number[])[];
}

export type Fixture =
  | { readonly entry: string; readonly kind: 'pointwise'; readonly sets: readonly PointwiseSet[] }
  | { readonly entry: string; readonly kind: 'vector'; readonly cases: readonly VectorCase[] };

function decodeParams(raw: Record<string, JsonNum>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(raw)) {
    out[k] = typeof v === 'string' && !/^-?Infinity$|^NaN$/.test(v) ? v : decodeNumber(v);
  }
  return out;
}

type Row = [JsonNum, string, string, string, JsonNum, JsonNum, number, JsonNum, JsonNum, JsonNum];

function decodeSet(raw: any): PointwiseSet {
  return {
    label: raw.label,
    params: decodeParams(raw.params),
    paramsAll: decodeParams(raw.params_all),
    torch: raw.torch,
    breakpoints: raw.breakpoints.map((b: any) => ({
      x: decodeNumber(b.x),
      jump: b.jump,
      corner: b.corner,
      dfLeft: parseExact(b.df_left),
      dfRight: parseExact(b.df_right),
      ...(b.df === undefined
        ? {}
        : { torchDf: decodeNumber(b.torch_df), df: parseExact(b.df), convention: b.convention }),
    })),
    points: (raw.points as Row[]).map((r) => ({
      x: decodeNumber(r[0]),
      f: parseExact(r[1]),
      df: parseExact(r[2]),
      d2: parseExact(r[3]),
      text: { f: r[1], df: r[2], d2: r[3] },
      torchF: decodeNumber(r[4]),
      torchDf: decodeNumber(r[5]),
      flags: r[6],
      condD2: decodeNumber(r[9]),
    })),
  };
}

function decodeCase(raw: any): VectorCase {
  const nums = (a: JsonNum[] | undefined) => a?.map(decodeNumber);
  return {
    name: raw.name,
    x: Float64Array.from(raw.x.map(decodeNumber)),
    y: raw.y.map(parseExact),
    diag: raw.diag.map(parseExact),
    yText: raw.y,
    diagText: raw.diag,
    flags: raw.flags,
    ...(raw.y_alt ? { yAlt: raw.y_alt.map(parseExact), diagAlt: raw.diag_alt.map(parseExact) } : {}),
    ...(raw.tau ? { tau: parseExact(raw.tau) } : {}),
    ...(raw.torch_y ? { torchY: nums(raw.torch_y), torchDiag: nums(raw.torch_diag) } : {}),
    ...(raw.jacobian ? { jacobian: raw.jacobian.map((row: string[]) => row.map(parseExact)) } : {}),
    ...(raw.torch_jacobian ? { torchJacobian: raw.torch_jacobian.map(nums) } : {}),
  };
}

function decodeFixture(raw: any): Fixture {
  if (raw.kind === 'pointwise') return { entry: raw.entry, kind: 'pointwise', sets: raw.sets.map(decodeSet) };
  if (raw.kind === 'vector') return { entry: raw.entry, kind: 'vector', cases: raw.cases.map(decodeCase) };
  throw new Error(`fixture ${raw.entry}: unknown kind ${raw.kind}`);
}

/** Written by generate.py (test/fixtures also holds other tests' data, e.g. expr-torch.json). */
function isCatalogFixture(raw: any): boolean {
  return (
    (raw?.kind === 'pointwise' || raw?.kind === 'vector') &&
    String(raw?.generator?.command).endsWith('test/fixtures/generate.py')
  );
}

/** Every catalog fixture file, sorted by entry name. */
export function loadFixtures(dir: string = FIXTURE_DIR): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
    .filter(isCatalogFixture)
    .map(decodeFixture);
}
