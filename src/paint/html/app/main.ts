/// <reference lib="dom" />
/**
 * The interactive page's app (bundled by scripts/build-page.mjs into the page itself). It keeps
 * the view (view.ts) as its whole state, and on every change rebuilds the chart through the same
 * code as the CLI: the math core, the chart model and layout, and the SVG writer, with the font
 * subset the page carries. No eval and no network: the page's CSP forbids both.
 */
import { layoutChartGeometry, type LaidOutChart } from '../../../chart/layout.js';
import { resolveCompared } from '../../../chart/compared-names.js';
import { seriesColor } from '../../../chart/theme.js';
import { labelFor } from '../../../math/params.js';
import { resolveSpec } from '../../../math/resolve.js';
import type { ActivationFn, NumberParamDef, ParamValue } from '../../../math/types.js';
import { fontMeasure } from '../../fonts/font.js';
import { renderSvg } from '../../svg.js';
import { POSITIONS, sliderPosition, sliderSpec, sliderValue } from '../sliders.js';
import {
  commandLine,
  viewGrid,
  viewModel,
  viewSize,
  viewSpecs,
  viewStyle,
  type PageSeries,
  type PageView,
} from '../view.js';

interface Named {
  readonly fn: ActivationFn;
  readonly name: string;
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

let view: PageView = JSON.parse($('actfn-view').textContent!) as PageView;
const measure = fontMeasure();
/** The chart on show, with its panels' geometry (for the hover readout). */
let scene: LaidOutChart | undefined;
let named: Named[] = [];
let pending = false;
let hoverX: number | undefined;
/** The SVG text of the chart on show (the page was written with the CLI's). */
let shownSvg = '';

function namedOf(v: PageView): Named[] {
  const specs = viewSpecs(v);
  if (v.command === 'plot') {
    const fn = resolveSpec(specs[0]!);
    return [{ fn, name: fn.label }];
  }
  return resolveCompared(specs);
}

function showError(message: string | undefined): void {
  const box = $('error');
  box.textContent = message ?? '';
  box.hidden = message === undefined;
}

function draw(): void {
  pending = false;
  try {
    const model = viewModel(view);
    const next = layoutChartGeometry(model, { ...viewSize(view), measure, style: viewStyle(view) });
    named = namedOf(view);
    scene = next;
    shownSvg = renderSvg(next.scene);
    $('chart').innerHTML = shownSvg.replace(/^<\?xml[^>]*>\n/, '');
    showError(undefined);
  } catch (e) {
    // A spec being typed, a range being edited: keep the last chart, say what is wrong.
    showError(e instanceof Error ? e.message : String(e));
  }
  $('command').textContent = commandLine(view);
  document.body.className = `theme-${view.theme}`;
  readout();
}

function update(next: PageView): void {
  view = next;
  if (!pending) {
    pending = true;
    requestAnimationFrame(draw);
  }
}

function setSeries(i: number, patch: Partial<PageSeries>): void {
  const series = view.series.map((s, j) => (j === i ? { ...s, ...patch } : s));
  update({ ...view, series });
}

/** Text of a number as the command line writes it (shortest round trip). */
const text = (v: number): string => String(v);

function paramControls(i: number, row: HTMLElement): void {
  const box = row.querySelector('.params')!;
  box.textContent = '';
  let fn: ActivationFn;
  try {
    fn = resolveSpec(view.series[i]!.spec);
  } catch {
    return;
  }
  const entry = fn.entry;
  // Sliders for catalog entries as named; an expression is edited as text.
  if (!entry || fn.expression !== undefined || fn.name !== entry.name) return;
  const set = (name: string, value: ParamValue) => {
    const spec = labelFor(entry, { ...fn.params, [name]: value });
    fn = resolveSpec(spec);
    (row.querySelector('.spec') as HTMLInputElement).value = spec;
    setSeries(i, { spec });
  };
  for (const def of entry.params) {
    const label = document.createElement('label');
    label.className = 'param';
    label.append(`${def.name} `);
    if (def.kind === 'choice') {
      const select = document.createElement('select');
      select.name = def.name;
      for (const c of def.choices) select.add(new Option(c, c, false, c === fn.params[def.name]));
      select.addEventListener('change', () => set(def.name, select.value));
      label.append(select);
    } else {
      const s = sliderSpec(def as NumberParamDef);
      const slider = document.createElement('input');
      slider.type = 'range';
      slider.name = def.name;
      slider.min = '0';
      slider.max = String(POSITIONS);
      slider.step = '1';
      slider.value = String(sliderPosition(s, fn.params[def.name] as number));
      slider.title = s.log ? `${s.lo} … ${s.hi} (log scale)` : `${s.lo} … ${s.hi}`;
      const number = document.createElement('input');
      number.type = 'text';
      number.className = 'value';
      number.size = 8;
      number.value = text(fn.params[def.name] as number);
      slider.addEventListener('input', () => {
        const v = sliderValue(s, Number(slider.value));
        number.value = text(v);
        set(def.name, v);
      });
      number.addEventListener('change', () => {
        // Typed values go through the spec parser, as on the command line (errors shown).
        const args = entry.params.filter((d) => d.name === def.name || fn.params[d.name] !== d.default);
        const parts = args.map(
          (d) => `${d.name}=${d.name === def.name ? number.value.trim() : String(fn.params[d.name])}`,
        );
        const typed = `${entry.name}(${parts.join(', ')})`;
        try {
          fn = resolveSpec(typed);
          slider.value = String(sliderPosition(s, fn.params[def.name] as number));
          const canonical = labelFor(entry, fn.params);
          (row.querySelector('.spec') as HTMLInputElement).value = canonical;
          setSeries(i, { spec: canonical });
        } catch (e) {
          showError(e instanceof Error ? e.message : String(e));
        }
      });
      label.append(slider, number);
    }
    box.append(label);
  }
}

function seriesRows(): void {
  const list = $('series');
  list.textContent = '';
  view.series.forEach((s, i) => {
    const row = document.createElement('div');
    row.className = 'series';
    const color = document.createElement('span');
    color.className = 'swatch';
    if (view.command === 'compare') {
      const on = document.createElement('input');
      on.type = 'checkbox';
      on.className = 'on';
      on.checked = s.on;
      on.title = 'show this function';
      on.addEventListener('change', () => {
        if (!on.checked && view.series.filter((t) => t.on).length === 1) {
          on.checked = true; // a chart needs one function
          return;
        }
        setSeries(i, { on: on.checked });
        colorSwatches();
      });
      row.append(on);
    }
    const spec = document.createElement('input');
    spec.type = 'text';
    spec.className = 'spec';
    spec.value = s.spec;
    spec.spellcheck = false;
    spec.addEventListener('change', () => {
      setSeries(i, { spec: spec.value.trim() });
      paramControls(i, row);
    });
    const params = document.createElement('span');
    params.className = 'params';
    row.append(color, spec, params);
    list.append(row);
    paramControls(i, row);
  });
  colorSwatches();
}

/** Series colors follow the functions drawn, in order, as in the chart (the theme's palette). */
function colorSwatches(): void {
  let k = 0;
  document.querySelectorAll<HTMLElement>('#series .swatch').forEach((el, i) => {
    const on = view.command === 'plot' || view.series[i]!.on;
    el.style.background = on ? seriesColor(k++, view.theme) : 'transparent';
  });
}

function curveToggles(): void {
  const box = $('curves');
  box.textContent = '';
  if (view.command === 'plot') {
    for (const [key, label] of [
      ['f', 'f(x)'],
      ['df', 'f′(x)'],
    ] as const) {
      const l = document.createElement('label');
      const c = document.createElement('input');
      c.type = 'checkbox';
      c.name = key;
      c.checked = view.show === 'both' || view.show === key;
      c.addEventListener('change', () => {
        const f = (box.querySelector('[name=f]') as HTMLInputElement).checked;
        const df = (box.querySelector('[name=df]') as HTMLInputElement).checked;
        if (!f && !df) {
          c.checked = true;
          return;
        }
        const show = f && df ? 'both' : f ? 'f' : 'df';
        // --labels gives one label per curve drawn: a count that no longer fits is dropped, as the CLI would refuse it.
        const fits = view.labels === undefined || (view.labels.split(',').length === 2) === (show === 'both');
        const { labels: _, ...rest } = view;
        // A log axis shows one curve (|f′|, or |f| with --no-derivative).
        update({ ...(fits ? view : rest), show, logY: show === 'both' ? false : view.logY });
        curveToggles();
      });
      l.append(c, ` ${label}`);
      box.append(l);
    }
  } else {
    const select = document.createElement('select');
    select.name = 'show';
    for (const [v, t] of [
      ['values', 'f(x)'],
      ['derivatives', 'f′(x)'],
      ['both', 'both'],
    ])
      select.add(new Option(t, v, false, v === view.show));
    select.addEventListener('change', () => {
      const show = select.value as PageView['show'];
      // compare --log-y is for derivatives (alone or below the values).
      update({ ...view, show, logY: show === 'values' ? false : view.logY });
      curveToggles();
    });
    box.append('show ', select);
  }
  const log = document.createElement('input');
  log.type = 'checkbox';
  log.name = 'log-y';
  log.checked = view.logY;
  log.addEventListener('change', () => {
    // A log axis shows |f′| (plot: or |f| alone); the curves shown follow, as on the command line.
    const show = !log.checked
      ? view.show
      : view.command === 'plot'
        ? view.show === 'both'
          ? 'df'
          : view.show
        : view.show === 'values'
          ? 'derivatives'
          : view.show;
    update({ ...view, logY: log.checked, show });
    curveToggles();
  });
  const logLabel = document.createElement('label');
  logLabel.append(' ', log, ' log y');
  const theme = document.createElement('select');
  theme.name = 'theme';
  for (const t of ['light', 'dark']) theme.add(new Option(t, t, false, t === view.theme));
  theme.addEventListener('change', () => {
    update({ ...view, theme: theme.value as PageView['theme'] });
    colorSwatches(); // the dark theme's palette is lighter
  });
  box.append(logLabel, ' theme ', theme, ' ');
}

function rangeInputs(): void {
  for (const [id, k] of [
    ['x-from', 0],
    ['x-to', 1],
  ] as const) {
    const input = $<HTMLInputElement>(id);
    input.value = text(view.range[k]);
    input.addEventListener('change', () => {
      const v = Number(input.value.trim());
      const range: [number, number] = [view.range[0], view.range[1]];
      range[k] = v;
      if (input.value.trim() === '' || !Number.isFinite(v) || !(range[0] < range[1])) {
        showError(
          `x range ${$<HTMLInputElement>('x-from').value},${$<HTMLInputElement>('x-to').value}: expected two numbers a < b`,
        );
        return;
      }
      update({ ...view, range });
    });
  }
}

/** x at the hover position, rounded to what one pixel tells apart. */
function hoverValue(px: number): number | undefined {
  const panel = scene?.panels[0];
  if (!panel) return undefined;
  const [lo, hi] = view.range;
  const perPixel = (panel.x.scale.domain[1] - panel.x.scale.domain[0]) / panel.plot.width;
  const decimals = Math.max(0, Math.min(15, Math.ceil(-Math.log10(perPixel))));
  const x = Number(panel.x.scale.invert(px).toFixed(decimals));
  return Math.min(hi, Math.max(lo, Object.is(x, -0) ? 0 : x));
}

/** f and f′ at x: pointwise functions at x itself, vector ones (Softmax) at the nearest grid point. */
function valuesAt(fn: ActivationFn, x: number): { x: number; y: number; dy: number } {
  if (fn.pointwise) {
    const { y, dy } = fn.evaluate([x]);
    return { x, y: y[0]!, dy: dy[0]! };
  }
  const grid = viewGrid(view);
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (Math.abs(grid[i]! - x) < Math.abs(grid[best]! - x)) best = i;
  const { y, dy } = fn.evaluate(grid);
  return { x: grid[best]!, y: y[best]!, dy: dy[best]! };
}

function readout(): void {
  const table = $<HTMLTableElement>('readout');
  table.textContent = '';
  const svg = $('chart').querySelector('svg');
  svg?.querySelector('.crosshair')?.remove();
  if (hoverX === undefined || !scene) {
    table.insertRow().insertCell().textContent = 'Hover over the chart for x, f(x) and f′(x) of every function.';
    return;
  }
  const head = table.insertRow();
  for (const h of ['', 'x', 'f(x)', 'f′(x)']) head.insertCell().textContent = h;
  for (const { fn, name } of named) {
    const v = valuesAt(fn, hoverX);
    const row = table.insertRow();
    row.className = 'value-row';
    for (const t of [name, text(v.x), text(v.y), text(v.dy)]) row.insertCell().textContent = t;
  }
  const first = scene.panels[0]!;
  const last = scene.panels[scene.panels.length - 1]!;
  const px = first.x.scale.map(hoverX);
  if (svg) {
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    line.setAttribute('class', 'crosshair');
    for (const [k, v] of [
      ['x1', px],
      ['x2', px],
      ['y1', first.plot.y],
      ['y2', last.plot.y + last.plot.height],
    ] as const)
      line.setAttribute(k, String(v));
    svg.append(line);
  }
}

function hover(): void {
  const chart = $('chart');
  chart.addEventListener('mousemove', (event) => {
    const svg = chart.querySelector('svg');
    if (!svg || !scene) return;
    const box = svg.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * scene.scene.width;
    const plot = scene.panels[0]!.plot;
    if (px < plot.x || px > plot.x + plot.width) return;
    hoverX = hoverValue(px);
    readout();
  });
}

function copyButton(): void {
  const button = $<HTMLButtonElement>('copy');
  button.addEventListener('click', () => {
    const command = $('command').textContent ?? '';
    const done = () => {
      button.textContent = 'Copied';
      setTimeout(() => (button.textContent = 'Copy'), 1500);
    };
    navigator.clipboard?.writeText(command).then(done, () => {
      // file:// pages may lack the clipboard API's permission: select the text instead.
      const range = document.createRange();
      range.selectNodeContents($('command'));
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      if (document.execCommand('copy')) done();
    });
  });
}

seriesRows();
curveToggles();
rangeInputs();
hover();
copyButton();
$('command').textContent = commandLine(view);
// The chart the page was written with stays until something changes; the model is still needed
// for the hover readout.
try {
  scene = layoutChartGeometry(viewModel(view), { ...viewSize(view), measure, style: viewStyle(view) });
  named = namedOf(view);
} catch (e) {
  showError(e instanceof Error ? e.message : String(e));
}
/** For tests and the curious: the view, its command, and the SVG text on show. */
(window as unknown as { actfnPage: unknown }).actfnPage = {
  view: () => view,
  command: () => commandLine(view),
  svg: () => shownSvg,
  redraw: draw,
  /** No change waits to be drawn. */
  idle: () => !pending,
};
document.documentElement.dataset.ready = 'true';
