/**
 * Renders grad-check results: a summary table for people, and JSON for scripts and CI.
 *
 * JSON contract (`actfn grad-check --json`), numbers exact as in ./numbers.ts (shortest
 * round-trip, -0 as -0.0, NaN and ±Infinity as the strings "NaN", "Infinity", "-Infinity"):
 * {
 *   "order": 1 | 2, "method": "richardson" | "central", "eps": number | null,
 *   "atol": number, "rtol": number,
 *   "passed": boolean,                 // false exactly when the exit code is 1
 *   "torch": string | null,            // torch's version with --against torch ("not run" when no
 *                                      // function has a torch expression), else null
 *   "functions": [{
 *     "spec", "name", "label", "params": { every parameter, defaults included },
 *     "status": "pass" | "fail" | "not-checkable", "reason": string | null,
 *     "points": number,                // points compared (kinks and skipped points excluded)
 *     "maxAbsError", "maxRelError": number ("NaN" when nothing was compared; relative errors
 *                                      only where the numeric value's own error is below rtol),
 *     "worstX": where the error is largest against the tolerance ("NaN" when every error is 0),
 *     "kinks": [{ "x", "jump", "declared", "left", "right", "catalogValue",
 *                 "declaredLeft", "declaredRight", "declaredValue" (number | null),
 *                 "mismatch": string | null, "points": [x, ...] }],
 *     "failures": [{ "x", "analytic", "numeric", "numericError", "absError", "relError", "reason" }],
 *     "skipped": [{ "x", "reason" }],
 *     "torch": null | { "status": "pass" | "fail" | "unavailable", "expression", "reason",
 *                       "points", "maxAbsError": { "f", "df", "d2"? }, "worstX": { … },
 *                       "mismatches": [{ "x", "quantity": "f" | "df" | "d2", "ours", "torch", "absError" }] }
 *   }]
 * }
 */
import type { ReferenceComparison } from '../math/gradcheck/against.js';
import type { CheckOptions, FunctionReport, KinkResult } from '../math/gradcheck/check.js';
import { gradCheckPassed, type GradCheckResult, type TorchCheck } from '../math/gradcheck/verdict.js';
import { boxTable } from './table-format.js';
import { wrapText } from './wrap.js';
import { exactJSON, formatCompact, formatSignificant, type JsonValue } from './numbers.js';

export interface PrettyOptions {
  readonly color: 0 | 1 | 2 | 3;
  /** List every failing point and every torch mismatch. */
  readonly verbose: boolean;
  /** Width the report fits (a terminal's, or --width); undefined: not wrapped (a pipe or a file). */
  readonly width?: number;
}

/** Torch mismatches listed per function without --verbose. */
const MISMATCH_ROWS = 10;

function kinkJSON(k: KinkResult): JsonValue {
  return {
    x: k.x,
    jump: k.jump,
    declared: k.declared,
    left: k.left,
    right: k.right,
    catalogValue: k.catalogValue,
    declaredLeft: k.declaredKink?.left ?? null,
    declaredRight: k.declaredKink?.right ?? null,
    declaredValue: k.declaredKink?.dy ?? null,
    mismatch: k.mismatch ?? null,
    points: Float64Array.from(k.points),
  };
}

function torchJSON(t: TorchCheck): JsonValue {
  const c = t.comparison;
  const byQuantity = (pick: (d: ReferenceComparison['differences'][number]) => number) =>
    c ? Object.fromEntries(c.differences.map((d) => [d.quantity, pick(d)])) : null;
  return {
    status: t.status,
    expression: t.expression,
    reason: t.reason,
    points: c ? c.compared : 0,
    maxAbsError: byQuantity((d) => d.maxAbsError),
    worstX: byQuantity((d) => d.worstX),
    mismatches: (c?.mismatches ?? []).map((m) => ({
      x: m.x,
      quantity: m.quantity,
      ours: m.ours,
      torch: m.theirs,
      absError: m.absError,
    })),
  };
}

export function gradCheckJSON(r: GradCheckResult): string {
  const o = r.options;
  const out: JsonValue = {
    order: o.order,
    method: o.method.kind,
    eps: o.method.kind === 'central' ? o.method.eps : null,
    atol: o.atol,
    rtol: o.rtol,
    passed: gradCheckPassed(r),
    torch: r.torch?.version ?? null,
    functions: r.reports.map((f, i) => ({
      spec: f.fn.spec,
      name: f.fn.name,
      label: f.fn.label,
      params: { ...f.fn.params },
      status: f.status,
      reason: f.reason ?? null,
      points: f.checked,
      maxAbsError: f.maxAbsError,
      maxRelError: f.maxRelError,
      worstX: f.worstX,
      kinks: f.kinks.map(kinkJSON),
      failures: f.failures.map((p) => ({
        x: p.x,
        analytic: p.analytic,
        numeric: p.numeric,
        numericError: p.numericError,
        absError: p.absError,
        relError: p.relError,
        reason: p.reason ?? null,
      })),
      skipped: f.skipped.map((s) => ({ x: s.x, reason: s.reason })),
      torch: r.torch ? torchJSON(r.torch.checks[i]!) : null,
    })),
  };
  return exactJSON(out) + '\n';
}

/* ---------- the pretty report ---------- */

const num = (v: number, digits = 3) => formatSignificant(v, digits, '−');
const orNone = (v: number, digits = 3) => (Number.isNaN(v) ? '—' : num(v, digits));
/** Errors: 3 digits, and 1.01e−6 rather than 0.00000101. */
const err = (v: number) => formatCompact(v, 3, '−');
const errOrNone = (v: number) => (Number.isNaN(v) ? '—' : err(v));

interface Paint {
  readonly pass: (s: string) => string;
  readonly fail: (s: string) => string;
  readonly dim: (s: string) => string;
}

async function paint(level: 0 | 1 | 2 | 3): Promise<Paint> {
  if (level === 0) return { pass: (s) => s, fail: (s) => s, dim: (s) => s };
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return { pass: (s) => chalk.green(s), fail: (s) => chalk.red.bold(s), dim: (s) => chalk.yellow(s) };
}

function describeMethod(o: CheckOptions): string {
  const what = o.order === 1 ? 'f′ against differences of f' : 'f″ against differences of f′';
  const how =
    o.method.kind === 'richardson'
      ? 'central differences, step ε^(1/3)·max(1, |x|), Richardson-refined'
      : `plain central differences, step ${o.method.eps}`;
  return `grad-check order ${o.order}: ${what} (${how}); a point passes when |analytic − numeric| ≤ ${o.atol} + ${o.rtol}·|numeric|`;
}

/** Lines of text, each wrapped to the width (continuation lines indented) unless there is none. */
function paragraph(lines: readonly string[], width: number | undefined, hang = '  '): string {
  return lines.flatMap((l) => (width === undefined ? [l] : wrapText(l, width, hang))).join('\n') + '\n';
}

/** Every table of the report: the function (first column) stays at the left of each block. */
const BY_FUNCTION = { key: 1 } as const;

function statusCell(status: string, p: Paint): string {
  if (status === 'pass') return p.pass('PASS');
  if (status === 'fail') return p.fail('FAIL');
  return p.dim('n/a');
}

function kinkCount(f: FunctionReport): string {
  const mismatched = f.kinks.filter((k) => k.mismatch).length;
  return `${f.kinks.length}${mismatched ? ` (${mismatched} ≠ declared)` : ''}`;
}

async function summaryTable(r: GradCheckResult, p: Paint, o: PrettyOptions): Promise<string> {
  const head = ['function', 'points', 'max abs error', 'max rel error', 'worst x', 'kinks', 'result'];
  const body = r.reports.map((f) => [
    f.fn.label,
    String(f.checked),
    errOrNone(f.maxAbsError),
    errOrNone(f.maxRelError),
    orNone(f.worstX, 6),
    kinkCount(f),
    statusCell(f.status, p),
  ]);
  return boxTable(head, body, o.color, 'right', o.width, BY_FUNCTION);
}

async function kinkTable(r: GradCheckResult, o: PrettyOptions): Promise<string> {
  const rows = r.reports.flatMap((f) =>
    f.kinks.map((k) => {
      const notes = [
        k.jump ? 'jump' : '',
        k.declared ? '' : 'found numerically',
        k.mismatch ? `catalog record: ${k.mismatch}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      return [f.fn.label, num(k.x, 6), num(k.left, 6), num(k.right, 6), num(k.catalogValue, 6), notes];
    }),
  );
  if (rows.length === 0) return '';
  const d = r.options.order === 1 ? 'f′' : 'f″';
  const title = paragraph(
    [
      '',
      'Kinks: points whose difference stencil straddles a corner or jump are listed here, not judged.',
      'left/right are one-sided derivatives estimated numerically; "used" is the value the catalog returns there.',
    ],
    o.width,
  );
  const head = ['function', 'x', `left ${d}`, `right ${d}`, `${d} used`, 'note'];
  return title + (await boxTable(head, rows, o.color, 'right', o.width, BY_FUNCTION));
}

async function failureTable(r: GradCheckResult, o: PrettyOptions): Promise<string> {
  const rows = r.reports.flatMap((f) =>
    f.failures.map((pt) => [
      f.fn.label,
      num(pt.x, 6),
      num(pt.analytic, 10),
      num(pt.numeric, 10),
      num(pt.numericError, 2),
      err(pt.absError),
      errOrNone(pt.relError),
      pt.reason ?? '',
    ]),
  );
  if (rows.length === 0) return '';
  const title = '\nFailing points\n';
  const head = ['function', 'x', 'analytic', 'numeric', '± numeric', 'abs error', 'rel error', 'note'];
  return title + (await boxTable(head, rows, o.color, 'right', o.width, BY_FUNCTION));
}

function notCheckableLines(r: GradCheckResult, width: number | undefined): string {
  const lines = r.reports.filter((f) => f.status === 'not-checkable').map((f) => `  ${f.fn.label}: ${f.reason}`);
  return lines.length ? `\nNot checked (not a failure):\n${paragraph(lines, width, '    ')}` : '';
}

async function torchSummary(
  r: GradCheckResult,
  checks: readonly TorchCheck[],
  p: Paint,
  o: PrettyOptions,
): Promise<string> {
  const withD2 = checks.some((t) => t.comparison?.differences.some((d) => d.quantity === 'd2'));
  const head = [
    'function',
    'torch expression',
    'points',
    'max |Δf|',
    'max |Δf′|',
    ...(withD2 ? ['max |Δf″|'] : []),
    'beyond tolerance',
    'result',
  ];
  const body = r.reports.map((f, i) => {
    const t = checks[i]!;
    const c = t.comparison;
    const diff = (q: string) => {
      const d = c?.differences.find((e) => e.quantity === q);
      return d ? err(d.maxAbsError) : '—';
    };
    return [
      f.fn.label,
      t.expression ?? '—',
      String(c?.compared ?? 0),
      diff('f'),
      diff('df'),
      ...(withD2 ? [diff('d2')] : []),
      c ? String(c.mismatches.length) : '—',
      t.status === 'unavailable' ? p.dim('n/a') : statusCell(t.status, p),
    ];
  });
  return boxTable(head, body, o.color, 'right', o.width, BY_FUNCTION);
}

async function torchMismatches(r: GradCheckResult, checks: readonly TorchCheck[], o: PrettyOptions): Promise<string> {
  const quantityName = { f: 'f', df: 'f′', d2: 'f″' } as const;
  const rows: string[][] = [];
  const more: string[] = [];
  r.reports.forEach((f, i) => {
    const all = checks[i]!.comparison?.mismatches ?? [];
    const shown = o.verbose ? all : all.slice(0, MISMATCH_ROWS);
    for (const m of shown)
      rows.push([
        f.fn.label,
        num(m.x, 6),
        quantityName[m.quantity],
        num(m.ours, 10),
        num(m.theirs, 10),
        err(m.absError),
      ]);
    if (shown.length < all.length) more.push(`${f.fn.label}: ${all.length - shown.length} more`);
  });
  if (rows.length === 0) return '';
  let text = paragraph(['', 'Differences from torch beyond the tolerance (largest first):'], o.width);
  text += await boxTable(
    ['function', 'x', 'quantity', 'ours', 'torch', '|Δ|'],
    rows,
    o.color,
    'right',
    o.width,
    BY_FUNCTION,
  );
  if (more.length) text += paragraph([`(${more.join(', ')}; --verbose lists them all)`], o.width);
  return text;
}

async function torchTables(r: GradCheckResult, p: Paint, o: PrettyOptions): Promise<string> {
  if (!r.torch) return '';
  const { version, checks } = r.torch;
  const notes = r.reports.flatMap((f, i) => (checks[i]!.reason ? [`  ${f.fn.label}: ${checks[i]!.reason}`] : []));
  if (version === 'not run')
    return paragraph(['', 'Against torch: not run, no function has a torch expression.'], o.width);
  return [
    paragraph(
      ['', `Against torch ${version} (float64, autograd), same points and tolerance (finite x only):`],
      o.width,
    ),
    await torchSummary(r, checks, p, o),
    notes.length
      ? paragraph(['Left out of the torch comparison (not failures):'], o.width) + paragraph(notes, o.width, '    ')
      : '',
    await torchMismatches(r, checks, o),
  ].join('');
}

export async function gradCheckPretty(r: GradCheckResult, o: PrettyOptions): Promise<string> {
  const p = await paint(o.color);
  return [
    paragraph([describeMethod(r.options)], o.width),
    await summaryTable(r, p, o),
    notCheckableLines(r, o.width),
    await kinkTable(r, o),
    o.verbose ? await failureTable(r, o) : '',
    await torchTables(r, p, o),
  ].join('');
}
