/**
 * The command-line entry point. Options are declared here (cheap); each command's implementation
 * is imported only when that command runs, so `table` never loads the canvas or fonts.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { ArgumentError, RuntimeFailure, UsageError } from './errors.js';
import { processIO, type CliIO } from './commands/io.js';
import { VERSION } from './version.js';

type Options = Record<string, unknown>;

/** The commander program (exported for the completion script's tests and the CLI fuzzer). */
export function buildProgram(io: CliIO, setExitCode: (code: number) => void): Command {
  const program = new Command('actfn')
    .description('Plot, compare, tabulate and gradient-check neural-network activation functions.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Errors are printed by main() as one line, with our prefix.
      outputError: () => {},
    });
  program.addHelpText(
    'after',
    `
Functions are catalog names with parameters (GELU, "ELU(alpha=0.5)", leaky_relu:negative_slope=0.2;
actfn list shows them all) or expressions in x ("x*sigmoid(1.702*x)", "MySwish=x*sigmoid(1.5*x)").

Examples:
  $ actfn plot GELU                         # writes GELU.png
  $ actfn compare ReLU GELU Mish -o cmp.png
  $ actfn table GELU --x -3,0,3
  $ actfn table "LeakyReLU(negative_slope=0.1)" Sigmoid --json
  $ actfn info GELU
  $ actfn list
  $ actfn grad-check GELU Mish
  $ actfn help plot                         # or actfn plot --help

Data goes to stdout, messages to stderr.
Exit codes: 0 success, 1 a failed check or runtime error, 2 a usage error.`,
  );

  program
    .command('plot')
    .description('chart of a function and its derivative (PNG, JPG, WebP, SVG, PDF, an interactive HTML page, GIF)')
    .argument('[specs...]', 'functions or expressions, e.g. GELU "ELU(alpha=0.5)" "x*sigmoid(1.702*x)"; one file each')
    .option('-o, --out <file>', 'output file (format from .png .jpg .jpeg .webp .svg .pdf .html .gif); - for stdout')
    .option('--out-dir <dir>', 'folder for one file per function, named from the spec (default: current folder)')
    .option('--format <format>', 'png, jpg, webp, svg, pdf, html or gif (default: from the file name, else png)')
    .option('--range <a,b>', 'x range (default -6,6)')
    .option('--step <s>', 'sample spacing, as torch.arange (default: one sample per 2 pixels, at least 121)')
    .option('--samples <n>', 'number of evenly spaced samples, ends included (instead of --step; at most 10⁶)')
    .option('--no-derivative', 'draw f only')
    .option('--derivative-only', 'draw f′ only')
    .option('--size <WxH>', 'size in pixels, 150 to 10000 a side (default 500x350)')
    .option('--scale <k>', 'k× pixels with the same layout, for HiDPI (raster formats; default 1, at most 10)')
    .option('--title <text>', 'title (default NAME(x); "" for none)')
    .option('--labels <f,df>', 'legend labels, e.g. 原函數,導函數 (default f(x),f′(x))')
    .option('--theme <theme>', 'light or dark (default light)')
    .option('--log-y', '|f′| on a log axis (|f| with --no-derivative): how fast gradients vanish')
    .option('--jpeg-quality <q>', 'JPEG quality 0-100 (default 92)')
    .option('--legend <where>', 'auto, upper-left, upper-right, lower-left, lower-right or none (default auto: the corner hiding least)')
    .option('--line-width <pt>', 'curve width in points, scaled with --scale (default 1.5, as matplotlib)')
    .option('--all', 'every catalog entry into --out-dir, with an index.md table')
    .option('--html', 'also an interactive page beside each image (NAME.html); with --all, an index.html gallery')
    .option('--frames <n>', 'frames of an animation, for a parameter range a..b in the spec (default 40)')
    .option('--fps <n>', 'frames per second of an animation (default 20)')
    .option('-q, --quiet', 'no "wrote FILE" lines on stderr')
    .option('--terminal', 'draw the chart in the terminal with braille dots instead of writing an image')
    .option('--width <columns>', 'width of the terminal chart (default: the terminal, else 80)')
    .addHelpText(
      'after',
      `
Examples:
  $ actfn plot GELU                         # writes GELU.png
  $ actfn plot GELU -o - > gelu.png         # the image on stdout
  $ actfn plot "x*sigmoid(1.702*x)" -o swish.pdf
  $ actfn plot Mish -o mish.svg --range -4,4
  $ actfn plot ReLU6 --labels 原函數,導函數 --theme dark -o relu6.webp
  $ actfn plot Sigmoid Tanh --out-dir figs --format pdf
  $ actfn plot GELU --log-y --range -20,20  # |f′| on a log axis
  $ actfn plot GELU --terminal              # braille chart, e.g. over SSH
  $ actfn plot "ELU(alpha=0.7)" -o elu.html # sliders, hover readout, the command line
  $ actfn plot "Softplus(beta=0.5..5)" -o sp.gif  # beta animated over 40 frames
  $ actfn plot --all --out-dir docs/figures`,
    )
    .action(async (specs: string[], opts: Options) => {
      // --terminal and animations (a spec with a range a..b) are their own command modules, which
      // build on plot.ts (plot.ts does not know them).
      const run = opts.terminal
        ? (await import('./commands/plot-terminal.js')).runPlotTerminal
        : specs.some((s) => s.includes('..'))
          ? (await import('./commands/animate.js')).runPlotAnimation
          : (await import('./commands/plot.js')).runPlot;
      setExitCode(await run(io, specs, opts));
    });

  program
    .command('table')
    .description('values and derivatives at chosen points')
    .argument('<specs...>', 'functions or expressions, e.g. GELU "ELU(alpha=0.5)" leaky_relu:negative_slope=0.2 "sigmoid(relu(x))"')
    .option('--x <list>', 'comma-separated points, e.g. -3,0,3 (nan, inf, -inf, -0 accepted)')
    .option('--range <a,b>', 'an interval to sample instead of --x')
    .option('--step <s>', 'spacing of points in --range (default 1; at most 10⁶ points)')
    .option('--digits <n>', 'significant digits in the pretty table', '6')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json', 'csv', 'markdown']))
    .option('--json', 'JSON (the contract for scripts; full precision)')
    .option('--csv', 'CSV (full precision)')
    .option('--markdown', 'a Markdown table')
    .addHelpText(
      'after',
      `
Examples:
  $ actfn table GELU                      # x = -3..3 in steps of 1
  $ actfn table GELU Sigmoid --x -3,-1,0,1,3
  $ actfn table Mish --range -1,1 --step 0.25 --csv > mish.csv
  $ actfn table "sigmoid(relu(x))" --x nan,inf,-inf,-0 --json
  $ actfn table GELU --json | jq '.[0].dy'

JSON: an array with one object per function: {"spec", "name", "params", "x", "y", "dy"}; numbers at
full precision, NaN and ±Infinity as the strings "NaN", "Infinity", "-Infinity".`,
    )
    .action(async (specs: string[], opts: Options) => {
      setExitCode(await (await import('./commands/table.js')).runTable(io, specs, opts));
    });

  program
    .command('list')
    .description('every function: name, aliases, parameters with defaults, PyTorch equivalent')
    .option('--json', 'JSON: every entry with its parameters, formulas and equivalents')
    .addHelpText(
      'after',
      `
Examples:
  $ actfn list
  $ actfn list --json | jq -r '.[].name'`,
    )
    .action(async (opts: Options) => {
      setExitCode(await (await import('./commands/list.js')).runList(io, opts));
    });

  program
    .command('info')
    .description('formula, derivative, parameters, properties, PyTorch/JAX/Keras equivalents, a terminal chart')
    .argument('<specs...>', 'functions or expressions, e.g. GELU "ELU(alpha=0.5)"')
    .option('--json', 'JSON: parameters, formulas and computed properties (full precision)')
    .option('--no-chart', 'leave out the terminal chart')
    .option('--width <columns>', 'width of the text and chart (default: the terminal, else 80)')
    .addHelpText(
      'after',
      `
Examples:
  $ actfn info GELU
  $ actfn info "ELU(alpha=0.5)" --no-chart
  $ actfn info "x*tanh(softplus(x))" --width 60
  $ actfn info Sigmoid --json`,
    )
    .action(async (specs: string[], opts: Options) => {
      setExitCode(await (await import('./commands/info.js')).runInfo(io, specs, opts));
    });

  program
    .command('compare')
    .description('several functions in one chart (values, derivatives or both), and a table of their properties')
    .argument('<specs...>', 'functions or expressions, e.g. ReLU GELU "LeakyReLU(negative_slope=0.1)"; sweeps: "ELU(alpha=0.5|1|2)"')
    .option('-o, --out <file>', 'output file (format from .png .jpg .jpeg .webp .svg .pdf .html .gif; default compare.png); - for stdout')
    .option('--format <format>', 'png, jpg, webp, svg, pdf, html or gif (default: from the file name, else png)')
    .option('--frames <n>', 'frames of an animation, for a parameter range a..b in a spec (default 40)')
    .option('--fps <n>', 'frames per second of an animation (default 20)')
    .option('--labels <names>', 'legend names, one per function, comma-separated (default: the specs)')
    .option('--derivative', 'overlay the derivatives instead of the functions')
    .option('--both', 'two stacked panels sharing the x axis: functions above, derivatives below')
    .option('--range <a,b>', 'x range (default -6,6)')
    .option('--step <s>', 'sample spacing, as torch.arange (default: one sample per 2 pixels, at least 121)')
    .option('--samples <n>', 'number of evenly spaced samples, ends included (instead of --step)')
    .option('--size <WxH>', 'size in pixels (default 500x350; 500x700 with --both)')
    .option('--scale <k>', 'k× pixels with the same layout, for HiDPI (raster formats; default 1)')
    .option('--title <text>', 'title (default f(x) or f′(x); "" for none)')
    .option('--theme <theme>', 'light or dark (default light)')
    .option('--log-y', '|f′| on a log axis: how fast gradients vanish')
    .option('--jpeg-quality <q>', 'JPEG quality 0-100 (default 92)')
    .option('--legend <where>', 'auto, upper-left, upper-right, lower-left, lower-right or none (default auto)')
    .option('--line-width <pt>', 'curve width in points, scaled with --scale (default 1.5, as matplotlib)')
    .option('--terminal', 'draw the chart in the terminal with braille dots instead of writing an image')
    .option('--width <columns>', 'width of the terminal chart (default: the terminal, else 80)')
    .option('-q, --quiet', 'no properties table and no "wrote FILE" line')
    .addHelpText(
      'after',
      `
Examples:
  $ actfn compare ReLU GELU "LeakyReLU(negative_slope=0.1)" Mish -o cmp.png
  $ actfn compare Sigmoid Tanh --both -o both.svg
  $ actfn compare "ELU(alpha=0.5|1|2)" --derivative
  $ actfn compare GELU "0.5*x*(1+tanh(sqrt(2/pi)*(x+0.044715*x^3)))" -q -o approx.png
  $ actfn compare GELU SiLU Mish --terminal
  $ actfn compare ReLU GELU Mish -o cmp.html       # interactive page
  $ actfn compare "ELU(alpha=0.1..3)" -o elu.gif   # alpha animated over 40 frames`,
    )
    .action(async (specs: string[], opts: Options) => {
      setExitCode(await (await import('./commands/compare.js')).runCompare(io, specs, opts));
    });

  program
    .command('grad-check')
    .description('check analytic derivatives numerically (and against PyTorch); exit 1 if any fails')
    .argument('[specs...]', 'functions or expressions, e.g. GELU Mish "ELU(alpha=0.5)" "x*sigmoid(1.5*x)"')
    .option('--all', 'every catalog entry with its default parameters')
    .option('--x <list>', 'exactly these points, e.g. -3,0,3')
    .option('--range <a,b>', 'an interval instead of the default [-6,6] plus tails ±10, ±20, ±50')
    .option('--step <s>', 'spacing of points (default 0.05)')
    .option('--atol <a>', 'absolute tolerance', '1e-5')
    .option('--rtol <r>', 'relative tolerance', '1e-3')
    .option('--eps <h>', 'plain central differences with step h (torch.autograd.gradcheck); default: Richardson-refined')
    .option('--order <n>', '1 checks f′, 2 checks f″ against differences of f′', '1')
    .addOption(new Option('--against <reference>', 'also compare values and derivatives with PyTorch (needs python3 with torch)').choices(['torch']))
    .option('--json', 'JSON report (the contract for scripts; full precision)')
    .option('--verbose', 'list every failing point')
    .addHelpText(
      'after',
      `
Examples:
  $ actfn grad-check GELU Mish
  $ actfn grad-check --all --order 2
  $ actfn grad-check ReLU --x -1,0,1 --json
  $ actfn grad-check "MySwish=x*sigmoid(1.5*x)" --range -10,10 --step 0.01
  $ actfn grad-check --all --against torch

Exit codes: 0 every check passed, 1 a check failed, 2 a usage error (or no python3 with torch).`,
    )
    .action(async (specs: string[], opts: Options) => {
      setExitCode(await (await import('./commands/grad-check.js')).runGradCheck(io, specs, opts));
    });

  program
    .command('completion')
    .description('print a shell completion script for commands, options and function names')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(actfn completion bash)          # this shell; add the line to ~/.bashrc to keep it
  $ actfn completion zsh > "\${fpath[1]}/_actfn"
  $ actfn completion fish > ~/.config/fish/completions/actfn.fish`,
    )
    .action(async (shell: string) => {
      setExitCode(await (await import('./commands/completion.js')).runCompletion(io, shell, program));
    });

  return program;
}

/** The library's argument names (ArgumentError) and the options that set them: the one place they meet. */
const OPTION_FOR_ARGUMENT: Readonly<Record<string, string>> = {
  range: '--range',
  step: '--step',
  samples: '--samples',
};

/** An error's message in the CLI's words: a library argument is called by its option's name. */
function cliMessage(err: Error): string {
  if (!(err instanceof ArgumentError)) return err.message;
  const option = OPTION_FOR_ARGUMENT[err.argument];
  return option === undefined ? err.message : err.messageAs(option);
}

function oneLine(message: string): string {
  return message.replace(/^error:\s*/i, '').replace(/\s*\n\s*/g, ' ').trim();
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    const command = program.commands.find((c) => c.name() === argv[0]);
    return report(err, io, command ? `actfn ${command.name()} --help` : 'actfn --help');
  }
}

function report(err: unknown, io: CliIO, help: string): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
    // Help asked for (`actfn help`) is a success; help shown for want of a command is a usage error.
    if (err.code === 'commander.help') return err.exitCode === 0 ? 0 : 2;
    if (err.code === 'commander.executeSubCommandAsync') return 0;
    // commander's "unknown option '--colour' (Did you mean --color?)" as one sentence of ours.
    const message = oneLine(err.message).replace(/\s*\(Did you mean (.+?)\?\)/, '; did you mean $1?').replace(/\.$/, '');
    io.stderr.write(`actfn: ${message} (see ${help})\n`);
    return 2;
  }
  if (err instanceof UsageError || err instanceof RuntimeFailure) {
    io.stderr.write(`actfn: ${oneLine(cliMessage(err))}\n`);
    return err.exitCode;
  }
  const e = err as { code?: string; message?: string; stack?: string };
  if (io.env.ACTFN_DEBUG) io.stderr.write(`${e.stack ?? String(err)}\n`);
  const msg = e.message ? oneLine(e.message) : String(err);
  io.stderr.write(`actfn: internal error: ${msg} (please report it; ACTFN_DEBUG=1 shows details)\n`);
  return 1;
}
