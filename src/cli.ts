/**
 * The command-line entry point. Options are declared here (cheap); each command's implementation
 * is imported only when that command runs, so `table` never loads the canvas or fonts.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { ArgumentError, RuntimeFailure, UsageError } from './errors.js';
import { processIO, type CliIO, type OutputStream } from './commands/io.js';
import { packageFile } from './resources.js';
import { VERSION } from './version.js';

type Options = Record<string, unknown>;

/** What fits help to a terminal (src/cli-help.ts): loaded only when help is shown, as start-up is precious. */
type HelpFitting = typeof import('./cli-help.js');

/**
 * The commander program (exported for the completion script's tests and the CLI fuzzer). With
 * `fit`, help on a terminal fits its width; piped, commander's 80 columns and our examples as written.
 */
export function buildProgram(io: CliIO, setExitCode: (code: number) => void, fit?: HelpFitting): Command {
  const after = (text: string) => (context: { error: boolean }) =>
    fit ? fit.fitHelpText(text, helpColumns(context.error ? io.stderr : io.stdout)) : text;
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
      getOutHelpWidth: () => helpColumns(io.stdout) ?? 80,
      getErrHelpWidth: () => helpColumns(io.stderr) ?? 80,
    });
  if (fit) program.configureHelp(fit.fittingHelp());
  program.addHelpText(
    'after',
    after(`
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
  $ actfn stats ReLU Tanh SELU              # moments, init gain vs torch's
  $ actfn propagate Sigmoid ReLU --depth 50 # signal and gradients through depth
  $ actfn edge-of-chaos Tanh GELU
  $ actfn diff gelu_new gelu_fast
  $ actfn help plot                         # or actfn plot --help

Data goes to stdout, messages to stderr.
Exit codes: 0 success, 1 a failed check or runtime error, 2 a usage error.`),
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
    .option(
      '--legend <where>',
      'auto, upper-left, upper-right, lower-left, lower-right or none (default auto: the corner hiding least)',
    )
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
      after(`
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
  $ actfn plot --all --out-dir docs/figures`),
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
    .argument(
      '<specs...>',
      'functions or expressions, e.g. GELU "ELU(alpha=0.5)" leaky_relu:negative_slope=0.2 "sigmoid(relu(x))"',
    )
    .option('--x <list>', 'comma-separated points, e.g. -3,0,3 (nan, inf, -inf, -0 accepted)')
    .option('--range <a,b>', 'an interval to sample instead of --x')
    .option('--step <s>', 'spacing of points in --range (default 1; at most 10⁶ points)')
    .option('--digits <n>', 'significant digits in the pretty table', '6')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json', 'csv', 'markdown']))
    .option('--json', 'JSON (the contract for scripts; full precision)')
    .option('--csv', 'CSV (full precision)')
    .option('--markdown', 'a Markdown table')
    .option('--width <columns>', 'width the pretty table fits, 20 to 1000 (default: the terminal; piped: not wrapped)')
    .addHelpText(
      'after',
      after(`
Examples:
  $ actfn table GELU                      # x = -3..3 in steps of 1
  $ actfn table GELU Sigmoid --x -3,-1,0,1,3
  $ actfn table Mish --range -1,1 --step 0.25 --csv > mish.csv
  $ actfn table "sigmoid(relu(x))" --x nan,inf,-inf,-0 --json
  $ actfn table GELU --json | jq '.[0].dy'

JSON: an array with one object per function: {"spec", "name", "params", "x", "y", "dy"}; numbers at
full precision, NaN and ±Infinity as the strings "NaN", "Infinity", "-Infinity".`),
    )
    .action(async (specs: string[], opts: Options) => {
      setExitCode(await (await import('./commands/table.js')).runTable(io, specs, opts));
    });

  program
    .command('list')
    .description(
      'every function (or those matching filters): name, aliases, parameters with defaults, PyTorch equivalent',
    )
    .option('--json', 'JSON: every entry with its parameters, formulas, equivalents, citation and framework names')
    .option('--smooth', 'only smooth functions (C∞: no corner or jump)')
    .option('--monotonic', 'only monotonic functions (non-decreasing or non-increasing)')
    .option('--bounded', 'only functions with a bounded output range (both ends finite)')
    .option('--zero-centered', 'only zero-centered functions (f(0) = 0 and both signs)')
    .option(
      '--self-gated',
      'only self-gated functions: x·g(x) with a continuous gate g from 0 (x → −∞) to a positive limit',
    )
    .addOption(
      new Option('--framework <name>', 'only functions this framework ships').choices([
        'torch',
        'jax',
        'keras',
        'tf',
        'transformers',
        'timm',
      ]),
    )
    .option(
      '--search <word>',
      'only functions whose name, alias, formula or citation contains the word (ignoring case and accents)',
    )
    .option('--width <columns>', 'width the table fits, 20 to 1000 (default: the terminal; piped: not wrapped)')
    .addHelpText(
      'after',
      after(`
Examples:
  $ actfn list
  $ actfn list --json | jq -r '.[].name'
  $ actfn list --smooth --monotonic --bounded
  $ actfn list --self-gated --framework timm
  $ actfn list --search hendrycks

Filters combine (all must hold); properties are computed from each function with its defaults.`),
    )
    .action(async (opts: Options) => {
      setExitCode(await (await import('./commands/list.js')).runList(io, opts));
    });

  program
    .command('info')
    .description(
      'formula, derivative, parameters, properties, equivalents, citation, framework names, a terminal chart',
    )
    .argument('<specs...>', 'functions or expressions, e.g. GELU "ELU(alpha=0.5)"')
    .option('--json', 'JSON: parameters, formulas, computed properties, citation and framework names (full precision)')
    .option('--bibtex', 'BibTeX entries of the papers the functions come from, for LaTeX')
    .option('--no-chart', 'leave out the terminal chart')
    .option('--cost', 'measure and show the cost of f and f′ in ns per call (a timing: it varies between runs)')
    .option(
      '--width <columns>',
      'width of the text and chart, 40 to 400 (default: the terminal; piped: text not wrapped, chart 80)',
    )
    .addHelpText(
      'after',
      after(`
Examples:
  $ actfn info GELU
  $ actfn info "ELU(alpha=0.5)" --no-chart
  $ actfn info "x*tanh(softplus(x))" --width 60
  $ actfn info Sigmoid --json
  $ actfn info GELU Mish --bibtex          # BibTeX entries for LaTeX`),
    )
    .action(async (specs: string[], opts: Options) => {
      setExitCode(await (await import('./commands/info.js')).runInfo(io, specs, opts));
    });

  program
    .command('compare')
    .description('several functions in one chart (values, derivatives or both), and a table of their properties')
    .argument(
      '<specs...>',
      'functions or expressions, e.g. ReLU GELU "LeakyReLU(negative_slope=0.1)"; sweeps: "ELU(alpha=0.5|1|2)"',
    )
    .option(
      '-o, --out <file>',
      'output file (format from .png .jpg .jpeg .webp .svg .pdf .html .gif; default compare.png); - for stdout',
    )
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
    .option('--cost', 'add the measured cost of f and f′ (ns per call; a timing: it varies between runs)')
    .addHelpText(
      'after',
      after(`
Examples:
  $ actfn compare ReLU GELU "LeakyReLU(negative_slope=0.1)" Mish -o cmp.png
  $ actfn compare Sigmoid Tanh --both -o both.svg
  $ actfn compare "ELU(alpha=0.5|1|2)" --derivative
  $ actfn compare GELU "0.5*x*(1+tanh(sqrt(2/pi)*(x+0.044715*x^3)))" -q -o approx.png
  $ actfn compare GELU SiLU Mish --terminal
  $ actfn compare ReLU GELU Mish -o cmp.html       # interactive page
  $ actfn compare "ELU(alpha=0.1..3)" -o elu.gif   # alpha animated over 40 frames`),
    )
    .action(async (specs: string[], opts: Options) => {
      setExitCode(await (await import('./commands/compare.js')).runCompare(io, specs, opts));
    });

  program
    .command('diff')
    .description(
      'how much two functions differ: largest |Δf| and |Δf′|, relative, in float32/bfloat16/float16 ulp; a chart',
    )
    .argument('<a>', 'the first function, e.g. GELU or gelu_new')
    .argument('<b>', 'the second function, e.g. "GELU(approximate=tanh)" or gelu_fast')
    .option('--range <a,b>', 'x range (default -6,6)')
    .option(
      '--samples <n>',
      'evenly spaced points, ends included (default 4001; at most 10⁶); maxima are refined between them',
    )
    .option('--json', 'JSON (the contract for scripts; full precision)')
    .option(
      '-o, --out <file>',
      'also draw f_A − f_B and f′_A − f′_B (format from .png .jpg .jpeg .webp .gif .svg .pdf); - for stdout',
    )
    .option('--format <format>', 'png, jpg, webp, gif, svg or pdf (default: from the file name, else png)')
    .option('--size <WxH>', 'chart size in pixels (default 500x350)')
    .option('--scale <k>', 'k× pixels with the same layout, for HiDPI (raster formats; default 1)')
    .option('--title <text>', 'chart title (default "A − B"; "" for none)')
    .option('--theme <theme>', 'light or dark (default light)')
    .option('-q, --quiet', 'no "wrote FILE" line')
    .addHelpText(
      'after',
      `
Examples:
  $ actfn diff GELU "GELU(approximate=tanh)"
  $ actfn diff gelu_new gelu_fast --range -10,10
  $ actfn diff SiLU quick_gelu --json | jq '.f.maxAbs'
  $ actfn diff GELU QuickGELU -o diff.png

Figures for f and f′: the largest |A − B| and where (refined between sample points), the largest
relative difference, and per format (float32, bfloat16, float16, cast as torch casts) how many ulp
the largest difference is, how many ulp apart the two land, and at how many points they differ.`,
    )
    .action(async (a: string, b: string, opts: Options) => {
      setExitCode(await (await import('./commands/diff.js')).runDiff(io, a, b, opts));
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
    .option(
      '--eps <h>',
      'plain central differences with step h (torch.autograd.gradcheck); default: Richardson-refined',
    )
    .option('--order <n>', '1 checks f′, 2 checks f″ against differences of f′', '1')
    .addOption(
      new Option(
        '--against <reference>',
        'also compare values and derivatives with PyTorch (needs python3 with torch)',
      ).choices(['torch']),
    )
    .option('--json', 'JSON report (the contract for scripts; full precision)')
    .option('--verbose', 'list every failing point')
    .option('--width <columns>', 'width the report fits, 20 to 1000 (default: the terminal; piped: not wrapped)')
    .addHelpText(
      'after',
      after(`
Examples:
  $ actfn grad-check GELU Mish
  $ actfn grad-check --all --order 2
  $ actfn grad-check ReLU --x -1,0,1 --json
  $ actfn grad-check "MySwish=x*sigmoid(1.5*x)" --range -10,10 --step 0.01
  $ actfn grad-check --all --against torch

Exit codes: 0 every check passed, 1 a check failed, 2 a usage error (or no python3 with torch).`),
    )
    .action(async (specs: string[], opts: Options) => {
      setExitCode(await (await import('./commands/grad-check.js')).runGradCheck(io, specs, opts));
    });

  program
    .command('stats')
    .description("moments under a Gaussian input, the initialization gain (beside torch's calculate_gain) and χ₁")
    .argument('[specs...]', 'pointwise functions or expressions, e.g. ReLU Tanh SELU "x*sigmoid(1.702*x)"')
    .option('--mean <mu>', 'mean of the input z ~ N(mu, q) (default 0)')
    .option('--var <q>', 'variance of the input (default 1)')
    .option('--all', 'every pointwise catalog entry with its default parameters')
    .option('--json', 'JSON (the contract for scripts; full precision)')
    .addHelpText(
      'after',
      `
Examples:
  $ actfn stats ReLU Tanh SELU
  $ actfn stats --all
  $ actfn stats GELU --mean 0.5 --var 2 --json

Per function: E[f], Var[f], E[f²], E[f′], E[f′²] and P(f′ = 0) for z ~ N(mu, q); the gain
1/√E[f(z)²] (weights std = gain/√fan_in keep the second moment); torch.nn.init.calculate_gain where
torch defines one, and the difference; χ₁ = E[f′²]/E[f²], the per-layer gradient factor at that gain.`,
    )
    .action(async (specs: string[], opts: Options) => {
      setExitCode(await (await import('./commands/stats.js')).runStats(io, specs, opts));
    });

  const propagate = program
    .command('propagate')
    .description('signal propagation through a deep random network: q_l and the gradient scale by layer, q* and χ₁')
    .argument('[specs...]', 'pointwise functions or expressions, e.g. Sigmoid Tanh ReLU GELU')
    .option('--depth <L>', 'number of layers (default 50)')
    .option(
      '--sigma-w <s>',
      "weight scale: weights N(0, s²/fan_in); a number or gain, each function's own gain (default gain)",
    )
    .option('--sigma-b <s>', 'bias scale: biases N(0, s²) (default 0)')
    .option('--q0 <q>', 'variance of the input pre-activations (default 1)')
    .option('--monte-carlo', 'also measure q_l and the gradient scale in a simulated random MLP (float64)')
    .option('--width <n>', 'width of the simulated network (with --monte-carlo; default 512)')
    .option('--seed <n>', 'seed of the simulated network (with --monte-carlo; default 0)')
    .option('--all', 'every pointwise catalog entry with its default parameters')
    .option('--json', 'JSON (the contract for scripts; full precision); no chart');
  chartOptions(propagate, 'propagate', 'signal propagation')
    .addHelpText(
      'after',
      `
Examples:
  $ actfn propagate Sigmoid Tanh ReLU GELU --depth 50 --sigma-w 1.4 --sigma-b 0.1
  $ actfn propagate ReLU Tanh --monte-carlo --width 512 --seed 1 -o mc.svg
  $ actfn propagate Tanh --sigma-w 1 --terminal
  $ actfn propagate SELU --sigma-w 1 --json | jq '.[0].fixedPoint'

Mean-field theory (Poole et al. 2016, Schoenholz et al. 2017): q_{l+1} = σw²·E[f(√q_l z)²] + σb²,
χ(q) = σw²·E[f′(√q z)²], gradient scale G_l = ∏_{k<l} χ(q_k); q* is the fixed point reached from
q0 and χ₁ = χ(q*): below 1 gradients vanish with depth, above 1 they explode.`,
    )
    .action(async (specs: string[], opts: Options) => {
      setExitCode(await (await import('./commands/propagate.js')).runPropagate(io, specs, opts));
    });

  const edgeOfChaos = program
    .command('edge-of-chaos')
    .description('the curve χ₁ = 1 in the (σb², σw²) plane, where deep networks pass gradients unchanged')
    .argument('[specs...]', 'pointwise functions or expressions, e.g. Tanh GELU SELU')
    .option('--max-bias-var <v>', 'largest σb² on the chart (default 1)')
    .option('--points <n>', 'points on each curve, sampled by the fixed point q* (default 200)')
    .option('--all', 'every pointwise catalog entry with its default parameters')
    .option('--json', 'JSON (the contract for scripts; full precision); no chart');
  chartOptions(edgeOfChaos, 'edge-of-chaos', 'edge of chaos (χ₁ = 1)')
    .addHelpText(
      'after',
      `
Examples:
  $ actfn edge-of-chaos Tanh GELU SELU -o edge.svg
  $ actfn edge-of-chaos Tanh --terminal
  $ actfn edge-of-chaos Tanh --json | jq '.[0].points[0]'

For each fixed point q*, σw² = 1/E[f′(√q* z)²] and σb² = q* − E[f(√q* z)²]·σw². Tanh's curve starts
at σw² = 1, σb² = 0; ReLU's is the single point σw² = 2, σb² = 0 (He initialization).`,
    )
    .action(async (specs: string[], opts: Options) => {
      setExitCode(await (await import('./commands/edge-of-chaos.js')).runEdgeOfChaos(io, specs, opts));
    });

  program
    .command('completion')
    .description('print a shell completion script for commands, options and function names')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      after(`
Examples:
  $ source <(actfn completion bash)          # this shell; add the line to ~/.bashrc to keep it
  $ actfn completion zsh > "\${fpath[1]}/_actfn"
  $ actfn completion fish > ~/.config/fish/completions/actfn.fish`),
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
/** The chart options the network commands share (plot's image options, --columns for a terminal chart). */
function chartOptions(command: Command, name: string, title: string): Command {
  return command
    .option(
      '-o, --out <file>',
      `chart file (format from .png .jpg .jpeg .webp .gif .svg .pdf; default ${name}.png); - for stdout`,
    )
    .option('--format <format>', 'png, jpg, webp, gif, svg or pdf (default: from the file name, else png)')
    .option('--size <WxH>', 'size in pixels (default 500x350)')
    .option('--scale <k>', 'k× pixels with the same layout, for HiDPI (raster formats; default 1)')
    .option('--title <text>', `title (default "${title}"; "" for none)`)
    .option('--theme <theme>', 'light or dark (default light)')
    .option('--legend <where>', 'auto, upper-left, upper-right, lower-left, lower-right or none (default auto)')
    .option('--jpeg-quality <q>', 'JPEG quality 0-100 (default 92)')
    .option('--terminal', 'draw the chart in the terminal with braille dots instead of writing an image')
    .option('--columns <n>', 'width of the terminal chart (default: the terminal, else 80)')
    .option('-q, --quiet', 'no summary table and no "wrote FILE" line');
}

function cliMessage(err: Error): string {
  if (!(err instanceof ArgumentError)) return err.message;
  const option = OPTION_FOR_ARGUMENT[err.argument];
  return option === undefined ? err.message : err.messageAs(option);
}

/** A terminal's width (80 when it does not say); undefined for a pipe or a file. */
function terminalColumns(stream: OutputStream): number | undefined {
  if (!stream.isTTY) return undefined;
  return stream.columns && stream.columns > 0 ? stream.columns : 80;
}

/** Help is laid out for at least 40 columns (the usage line alone takes about that). */
function helpColumns(stream: OutputStream): number | undefined {
  const columns = terminalColumns(stream);
  return columns === undefined ? undefined : Math.max(40, columns);
}

/** An error line: one line in a pipe or a log, wrapped with an indent on a terminal. */
async function writeError(io: CliIO, line: string): Promise<void> {
  const columns = terminalColumns(io.stderr);
  const text = columns === undefined ? line : (await import('./cli-help.js')).fitMessage(line, columns);
  io.stderr.write(`${text}\n`);
}

/**
 * One line, with control characters from arguments escaped (\u001b…) so that no escape sequence
 * reaches the terminal: C0, DEL, C1 (0x9b is a one-byte CSI), and the line/paragraph separators.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function oneLine(message: string): string {
  return message
    .replace(/^error:\s*/i, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `actfn help nope`: an unknown command, not the whole help (commander prints it, exit 1). */
function checkHelpTopic(program: Command, argv: readonly string[]): void {
  if (argv[0] !== 'help' || argv[1] === undefined || argv[1].startsWith('-')) return;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (!names.includes(argv[1])) {
    throw new UsageError(
      `unknown command '${argv[1]}' (the commands are ${names.filter((n) => n !== 'help').join(', ')})`,
    );
  }
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = 0;
  // Help is shown for these (no command at all: the help, on stderr).
  const helpShown = argv.length === 0 || argv[0] === 'help' || argv.includes('-h') || argv.includes('--help');
  const fit = helpShown ? await import('./cli-help.js') : undefined;
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    fit,
  );
  try {
    checkHelpTopic(program, argv);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    const command = program.commands.find((c) => c.name() === argv[0]);
    return await report(err, io, command ? `actfn ${command.name()} --help` : 'actfn --help');
  }
}

/** A file or package of the installation that is not there: what, and how to get it back. */
function missingPart(err: unknown): string | undefined {
  const e = err as { code?: string; message?: string; path?: string };
  const reinstall = 'reinstall actfn (e.g. npm install -g actfn)';
  if (e.code === 'MODULE_NOT_FOUND') {
    const name = /Cannot find module '([^']+)'/.exec(e.message ?? '')?.[1];
    if (!name) return undefined;
    const why = name.startsWith('@napi-rs/canvas') ? ' (it draws JPEG, WebP, PDF and text in scripts such as CJK)' : '';
    return `the package ${name} is not installed${why}; ${reinstall}`;
  }
  const root = packageFile('');
  if (e.code === 'ENOENT' && typeof e.path === 'string' && e.path.startsWith(root)) {
    return `${e.path.slice(root.length)} is missing from the installation; ${reinstall}`;
  }
  return undefined;
}

async function report(err: unknown, io: CliIO, help: string): Promise<number> {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
    // Help asked for (`actfn help`) is a success; help shown for want of a command is a usage error.
    if (err.code === 'commander.help') return err.exitCode === 0 ? 0 : 2;
    if (err.code === 'commander.executeSubCommandAsync') return 0;
    // commander's "unknown option '--colour' (Did you mean --color?)" as one sentence of ours.
    let message = oneLine(err.message)
      .replace(/\s*\(Did you mean (.+?)\?\)/, '; did you mean $1?')
      .replace(/\.$/, '');
    // `actfn table "-x"`: an expression that starts with a minus reads as an option.
    const dashed = err.code === 'commander.unknownOption' ? /^unknown option '(-[^-].*)'$/.exec(message) : null;
    if (dashed)
      message += `; an expression starting with - goes after -- (after the options), e.g. ${help.replace(/ --help$/, '')} -- "${dashed[1]}"`;
    await writeError(io, `actfn: ${message} (see ${help})`);
    return 2;
  }
  if (err instanceof UsageError || err instanceof RuntimeFailure) {
    await writeError(io, `actfn: ${oneLine(cliMessage(err))}`);
    return err.exitCode;
  }
  const missing = missingPart(err);
  if (missing) {
    io.stderr.write(`actfn: ${oneLine(missing)}\n`);
    return 1;
  }
  const e = err as { code?: string; message?: string; stack?: string };
  if (io.env.ACTFN_DEBUG) io.stderr.write(`${e.stack ?? String(err)}\n`);
  const msg = e.message ? oneLine(e.message) : String(err);
  await writeError(io, `actfn: internal error: ${msg} (please report it; ACTFN_DEBUG=1 shows details)`);
  return 1;
}
