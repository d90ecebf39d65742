/**
 * The interactive page: one self-contained HTML file (styles, the app and its data inline, no
 * network) showing the chart's SVG as the CLI writes it, with the controls around it. The app is
 * built by scripts/build-page.mjs into dist/page-app.js; its CSP allows inline code only, no eval
 * and no fetch, so the page works from file:// and cannot reach out.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../../resources.js';
import { escapeXml } from '../svg.js';
import { commandLine, type PageView } from './view.js';

export const PAGE_APP_FILE = packageFile('dist/page-app.js');

let app: string | undefined;

/** The bundled app (read once per process). */
export function pageApp(): string {
  if (app === undefined) {
    try {
      app = readFileSync(PAGE_APP_FILE, 'utf8');
    } catch {
      throw new Error(`internal: ${PAGE_APP_FILE} is missing; run npm run build`);
    }
  }
  return app;
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { font: 14px/1.4 system-ui, sans-serif; }
body { margin: 16px; }
body.theme-dark { background: #1a1a1a; color: #e8e8e8; }
#chart svg { display: block; max-width: 100%; height: auto; }
#chart .crosshair { stroke: #888; stroke-width: 0.75; stroke-dasharray: 3 3; pointer-events: none; }
#readout { border-collapse: collapse; margin: 6px 0; min-height: 1.4em; font-variant-numeric: tabular-nums; }
#readout td { padding: 1px 8px 1px 0; white-space: nowrap; }
#readout tr:first-child td { font-weight: 600; }
.series { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 4px 0; }
.swatch { display: inline-block; width: 14px; height: 4px; border: 1px solid #8884; }
.spec { font: 13px ui-monospace, monospace; min-width: 16em; }
.param { display: inline-flex; align-items: center; gap: 4px; margin-right: 8px; }
.param input[type=range] { width: 140px; }
.value { font: 13px ui-monospace, monospace; width: 7em; }
#x-from, #x-to { width: 5em; }
#command-line code { font: 13px ui-monospace, monospace; background: #8882; padding: 2px 4px; }
#error { color: #d62728; }
fieldset { border: 1px solid #8886; margin: 8px 0; }
`;

export interface PageOptions {
  /** The page's title; default: the command line. */
  readonly title?: string;
}

/** The page for a view whose chart (as written by the SVG backend) is `svg`. */
export function renderPage(view: PageView, svg: string, options: PageOptions = {}): string {
  const command = commandLine(view);
  const script = pageApp();
  if (/<\/script/i.test(script)) throw new Error('internal: the page app contains </script');
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="actfn">',
    `<title>${escapeXml(options.title ?? command)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body class="theme-${view.theme}">`,
    `<div id="chart">${svg.replace(/^<\?xml[^>]*>\n/, '')}</div>`,
    '<table id="readout" aria-live="polite"></table>',
    '<fieldset id="controls"><legend>functions</legend><div id="series"></div>',
    '<p><span id="curves"></span> x from <input id="x-from" type="text"> to <input id="x-to" type="text"></p></fieldset>',
    `<p id="command-line"><code id="command">${escapeXml(command)}</code> <button id="copy" type="button">Copy</button></p>`,
    '<p id="error" role="alert" hidden></p>',
    `<script type="application/json" id="actfn-view">${scriptJson(view)}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ];
  return lines.join('\n');
}
