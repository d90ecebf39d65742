/**
 * `actfn info NAME`: everything about one function — formulas, parameters, computed properties,
 * PyTorch / JAX / Keras equivalents and where they differ, the convention at kinks, when to use it,
 * and a small terminal chart. All of it read from the registry; loads neither canvas nor fonts.
 * On a terminal (or with --width) every line fits its width; piped, the text is not wrapped.
 */
import { describeRange } from '../math/params.js';
import { resolveSpec } from '../math/resolve.js';
import { expandSweeps } from '../math/spec.js';
import { checkBudget, evaluationWeight, PROPERTIES_UNITS } from './budget.js';
import type { ActivationFn, Kink, ParamDef } from '../math/types.js';
import { citationJSON, citationLine, frameworkLines, frameworksJSON } from '../report/citation.js';
import { exactJSON } from '../report/numbers.js';
import { propertiesJSON, propertyRows, show } from '../report/properties-table.js';
import { boxTable, painter } from '../report/table-format.js';
import { wrapAfter, wrapText } from '../report/wrap.js';
import { propertiesOf } from './catalog-facts.js';
import { measureCost } from './cost.js';
import { refuseBeside } from './options.js';
import { colorLevel, type CliIO } from './io.js';
import { outputWidth } from './output-width.js';

export interface InfoOptions {
  json?: boolean;
  /** Print BibTeX entries for the functions' citations instead. */
  bibtex?: boolean;
  /** false with --no-chart. */
  chart?: boolean;
  width?: string;
  /** Measure and show the cost of f and f′ (a timing: it varies from run to run). */
  cost?: boolean;
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
  if (k.jump)
    return `${where}: f jumps; ${sides}; f′(${show(k.x)}) = ${show(k.dy)} there, as PyTorch's backward pass gives.`;
  if (k.left === k.right)
    return `${where}: f′ is continuous (${show(k.left)}) but f″ jumps; f′(${show(k.x)}) = ${show(k.dy)}.`;
  return `${where}: a corner, ${sides}; f′(${show(k.x)}) = ${show(k.dy)}, as PyTorch's backward pass gives.`;
}

function equivalentLines(fn: ActivationFn, width: number): string[] {
  const eq = fn.entry?.equivalents;
  if (!eq) return ['(an expression: no library equivalent)'];
  const libraries: [string, string | undefined][] = [
    ['PyTorch', eq.torch],
    ['JAX', eq.jax],
    ['Keras', eq.keras],
  ];
  const lines = libraries.flatMap(([lib, expr]) => wrapAfter(lib.padEnd(9), expr ?? '(none)', width));
  const notes = (eq.notes ?? []).flatMap((n) => wrapAfter('• ', n, width));
  return [...lines, ...notes];
}

interface Section {
  readonly title: string;
  readonly lines: readonly string[];
}

/** The chart's width when the text has none (a pipe or a file): a picture needs one. */
const DEFAULT_CHART_WIDTH = 80;

/** `width`: what the text must fit (--width or the terminal's); undefined: no wrapping (a pipe or file). */
async function infoText(io: CliIO, fn: ActivationFn, opts: InfoOptions, width: number | undefined): Promise<string> {
  const color = colorLevel(io.stdout, io.env);
  const paint = await painter(color);
  const entry = fn.entry;
  const properties = propertiesOf(fn, io.env);
  const cost = opts.cost ? measureCost(fn) : undefined;
  // Section lines are indented by two spaces, so what is inside them is two columns narrower.
  const inner = width === undefined ? Infinity : width - 2;
  const tableWidth = width === undefined ? undefined : inner;
  const table = await boxTable(['property', fn.label], propertyRows([{ properties, cost }]), color, 'left', tableWidth);
  const kinks = fn.kinks.filter((k) => Number.isFinite(k.x));
  const noKinks = 'none: f′ is defined everywhere, no convention needed.';
  const sections: Section[] = [
    {
      title: 'Formula',
      lines: entry
        ? [...wrapAfter('f(x)  = ', entry.formula.f, inner), ...wrapAfter('f′(x) = ', entry.formula.df, inner)]
        : wrapAfter('f(x) = ', fn.expression ?? fn.spec, inner),
    },
    {
      title: 'Parameters',
      lines: entry?.params.length
        ? entry.params.flatMap((d) => wrapText(paramLine(d, fn.params[d.name]), inner, '  '))
        : ['none'],
    },
    { title: 'Properties', lines: table.trimEnd().split('\n') },
    { title: 'Equivalents', lines: equivalentLines(fn, inner) },
    ...(entry
      ? [
          {
            title: 'Reference',
            lines: entry.citation ? wrapText(citationLine(entry.citation), inner, '  ') : ['none recorded'],
          },
          {
            title: 'In frameworks',
            lines: frameworkLines(entry.frameworks).flatMap((l) => frameworkLine(l.slice(0, 13), l.slice(13), inner)),
          },
        ]
      : []),
    {
      title: 'At kinks',
      lines: kinks.length ? kinks.flatMap((k) => wrapText(kinkLine(k), inner, '  ')) : wrapText(noKinks, inner, '  '),
    },
  ];
  if (entry?.usage)
    sections.push({ title: 'When to use it', lines: wrapText(entry.usage.replace(/\s+/g, ' '), inner) });
  if (opts.chart !== false) {
    const chart = await smallChart(io, fn, opts, width ?? DEFAULT_CHART_WIDTH);
    if (chart) sections.push({ title: 'Chart', lines: chart.trimEnd().split('\n') });
  }
  const all = width ?? Infinity;
  const head = wrapText(entry ? `${fn.label} — ${entry.summary}` : fn.label, all, '  ').map((l) => paint.head(l));
  const aliases = entry?.aliases.filter((a) => a !== entry.name && a !== entry.name.toLowerCase()) ?? [];
  if (aliases.length) head.push(...wrapText(`also: ${aliases.join(', ')}`, all, '  '));
  const body = sections.map((s) => [paint.head(s.title), ...s.lines.map((l) => `  ${l}`)].join('\n'));
  return [head.join('\n'), ...body].join('\n\n') + '\n';
}

/** The terminal chart of f and f′ (see src/paint/terminal), loaded only when drawn. */
async function smallChart(io: CliIO, fn: ActivationFn, opts: InfoOptions, width: number): Promise<string | undefined> {
  const { infoChart } = await import('../paint/terminal/info-chart.js');
  return infoChart(fn, {
    width: Math.min(width - 2, 72),
    color: colorLevel(io.stdout, io.env),
    explicitWidth: opts.width !== undefined,
  });
}

export async function runInfo(io: CliIO, specs: string[], opts: InfoOptions): Promise<number> {
  if (opts.bibtex) {
    refuseBeside('--bibtex', 'prints citations only', [
      ['--json', opts.json],
      ['--cost', opts.cost],
      ['--width', opts.width],
      ['--no-chart', opts.chart === false],
    ]);
  } else if (opts.json) {
    refuseBeside('--json', 'writes data, not text', [
      ['--width', opts.width],
      ['--no-chart', opts.chart === false],
    ]);
  }
  const fns = specs.flatMap(expandSweeps).map(resolveSpec);
  if (opts.bibtex) return (await import('./info-bibtex.js')).printBibtex(io, fns);
  checkBudget(fns.map((fn) => ({ fn, points: 0, unitsPerPoint: 0, fixed: PROPERTIES_UNITS * evaluationWeight(fn) })));
  if (opts.json) {
    const out = fns.map((fn) => ({
      spec: fn.spec,
      name: fn.name,
      params: { ...fn.params },
      formula: fn.entry ? { f: fn.entry.formula.f, df: fn.entry.formula.df } : undefined,
      citation: citationJSON(fn.entry?.citation),
      frameworks: frameworksJSON(fn.entry?.frameworks),
      properties: propertiesJSON(propertiesOf(fn, io.env), opts.cost ? measureCost(fn) : undefined),
    }));
    io.stdout.write(exactJSON(out) + '\n');
    return 0;
  }
  const width = outputWidth(io.stdout, opts.width, 40, 400);
  const texts: string[] = [];
  for (const fn of fns) texts.push(await infoText(io, fn, opts, width));
  io.stdout.write(texts.join('\n'));
  return 0;
}

/** `keras        keras.activations.gelu`; where a name would not fit beside the key, under it. */
function frameworkLine(key: string, value: string, width: number): string[] {
  const longest = Math.max(...value.split(/[\s,]+/).map((w) => w.length));
  if (key.length + longest <= width) return wrapAfter(key, value, width);
  return [key.trimEnd(), ...wrapAfter('  ', value, width)];
}
