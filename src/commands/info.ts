/**
 * `actfn info NAME`: everything about one function — formulas, parameters, computed properties,
 * PyTorch / JAX / Keras equivalents and where they differ, the convention at kinks, when to use it,
 * and a small terminal chart. All of it read from the registry; loads neither canvas nor fonts.
 */
import { computeProperties } from '../math/properties.js';
import { describeRange } from '../math/params.js';
import { resolveSpec } from '../math/resolve.js';
import { expandSweeps } from '../math/spec.js';
import { checkBudget, evaluationWeight, PROPERTIES_UNITS } from './budget.js';
import type { ActivationFn, Kink, ParamDef } from '../math/types.js';
import { exactJSON } from '../report/numbers.js';
import { propertiesJSON, propertyRows, show } from '../report/properties-table.js';
import { boxTable, painter } from '../report/table-format.js';
import { measureCost } from './cost.js';
import { colorLevel, type CliIO } from './io.js';
import { parseInteger } from './options.js';

export interface InfoOptions {
  json?: boolean;
  /** false with --no-chart. */
  chart?: boolean;
  width?: string;
}

/** Greedy word wrap to `width` columns, each line prefixed by `indent`. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}

function paramLine(def: ParamDef, value: unknown): string {
  const current = typeof value === 'number' ? show(value) : String(value);
  if (def.kind === 'choice') {
    return `${def.name} = ${current}   (default ${def.default}; one of ${def.choices.join(', ')}) — ${def.description}`;
  }
  return `${def.name} = ${current}   (default ${show(def.default)}; ${describeRange(def)}) — ${def.description}`;
}

/** How the catalog treats a corner or jump: one-sided slopes and the value it returns. */
export function kinkLine(k: Kink): string {
  const where = `x = ${show(k.x)}`;
  const sides = `slopes ${show(k.left)} (left) and ${show(k.right)} (right)`;
  if (k.jump) return `${where}: f jumps; ${sides}; f′(${show(k.x)}) = ${show(k.dy)} there, as PyTorch's backward pass gives.`;
  if (k.left === k.right) return `${where}: f′ is continuous (${show(k.left)}) but f″ jumps; f′(${show(k.x)}) = ${show(k.dy)}.`;
  return `${where}: a corner, ${sides}; f′(${show(k.x)}) = ${show(k.dy)}, as PyTorch's backward pass gives.`;
}

function equivalentLines(fn: ActivationFn, width: number): string[] {
  const eq = fn.entry?.equivalents;
  if (!eq) return ['(an expression: no library equivalent)'];
  const libraries: [string, string | undefined][] = [['PyTorch', eq.torch], ['JAX', eq.jax], ['Keras', eq.keras]];
  const lines = libraries.map(([lib, expr]) => `${lib.padEnd(9)}${expr ?? '(none)'}`);
  const notes = (eq.notes ?? []).flatMap((n) => wrapText(n, width, '  ').map((l, i) => (i === 0 ? `• ${l.slice(2)}` : l)));
  return [...lines, ...notes];
}

interface Section {
  readonly title: string;
  readonly lines: readonly string[];
}

async function infoText(io: CliIO, fn: ActivationFn, opts: InfoOptions, width: number): Promise<string> {
  const color = colorLevel(io.stdout, io.env);
  const paint = await painter(color);
  const entry = fn.entry;
  const properties = computeProperties(fn);
  const cost = measureCost(fn);
  const table = await boxTable(['property', fn.label], propertyRows([{ properties, cost }]), color, 'left', width);
  const kinks = fn.kinks.filter((k) => Number.isFinite(k.x));
  const sections: Section[] = [
    {
      title: 'Formula',
      lines: entry ? [`f(x)  = ${entry.formula.f}`, `f′(x) = ${entry.formula.df}`] : [`f(x) = ${fn.expression ?? fn.spec}`],
    },
    {
      title: 'Parameters',
      lines: entry?.params.length ? entry.params.flatMap((d) => wrapText(paramLine(d, fn.params[d.name]), width - 2)) : ['none'],
    },
    { title: 'Properties', lines: table.trimEnd().split('\n') },
    { title: 'Equivalents', lines: equivalentLines(fn, width - 2) },
    {
      title: 'At kinks',
      lines: kinks.length
        ? kinks.flatMap((k) => wrapText(kinkLine(k), width - 2))
        : ['none: f′ is defined everywhere, no convention needed.'],
    },
  ];
  if (entry?.usage) sections.push({ title: 'When to use it', lines: wrapText(entry.usage, width - 2) });
  if (opts.chart !== false) {
    const chart = await smallChart(io, fn, opts, width);
    if (chart) sections.push({ title: 'Chart', lines: chart.trimEnd().split('\n') });
  }
  const head = [paint.head(entry ? `${fn.label} — ${entry.summary}` : fn.label)];
  const aliases = entry?.aliases.filter((a) => a !== entry.name && a !== entry.name.toLowerCase()) ?? [];
  if (aliases.length) head.push(`also: ${aliases.join(', ')}`);
  const body = sections.map((s) => [paint.head(s.title), ...s.lines.map((l) => `  ${l}`)].join('\n'));
  return [head.join('\n'), ...body].join('\n\n') + '\n';
}

/** The terminal chart of f and f′ (see src/paint/terminal), loaded only when drawn. */
async function smallChart(io: CliIO, fn: ActivationFn, opts: InfoOptions, width: number): Promise<string | undefined> {
  const { infoChart } = await import('../paint/terminal/info-chart.js');
  return infoChart(fn, { width: Math.min(width - 2, 72), color: colorLevel(io.stdout, io.env), explicitWidth: opts.width !== undefined });
}

export async function runInfo(io: CliIO, specs: string[], opts: InfoOptions): Promise<number> {
  const fns = specs.flatMap(expandSweeps).map(resolveSpec);
  checkBudget(fns.map((fn) => ({ fn, points: 0, unitsPerPoint: 0, fixed: PROPERTIES_UNITS * evaluationWeight(fn) })));
  if (opts.json) {
    const out = fns.map((fn) => ({
      spec: fn.spec,
      name: fn.name,
      params: { ...fn.params },
      formula: fn.entry ? { f: fn.entry.formula.f, df: fn.entry.formula.df } : undefined,
      properties: propertiesJSON(computeProperties(fn), measureCost(fn)),
    }));
    io.stdout.write(exactJSON(out) + '\n');
    return 0;
  }
  const width = opts.width !== undefined ? parseInteger(opts.width, '--width', 40, 400) : io.stdout.isTTY && io.stdout.columns ? Math.min(io.stdout.columns, 400) : 80;
  const texts: string[] = [];
  for (const fn of fns) texts.push(await infoText(io, fn, opts, width));
  io.stdout.write(texts.join('\n'));
  return 0;
}
