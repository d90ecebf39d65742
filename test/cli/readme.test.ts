/**
 * The README as a newcomer reads it: its first two commands, a section and an example for every
 * command with every option mentioned there, the exit codes and JSON contracts, every `npx actfn`
 * line of its sh blocks working, and its figures as the tool draws them today. After an intended
 * change of the look, regenerate the figures (the command is under each) and look at them:
 *
 *     UPDATE_DOCS=1 npx vitest run test/readme.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { runCli } from '../support/cli-capture.js';
import { tempFolders } from '../support/temp.js';
import { exampleOf, expectExampleWorks, torchPython } from '../support/shell-examples.js';
import { REPO } from '../support/paths.js';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const tmp = tempFolders('readme');

const quiet = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: REPO };
const program = buildProgram(quiet, () => {});

/** The text of the `## heading` section (up to the next `## `). */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** Where each command is documented. */
const SECTION: Record<string, string> = {
  plot: 'plot',
  compare: 'compare',
  table: 'table',
  'grad-check': 'grad-check',
  diff: 'diff',
  list: 'list and info',
  info: 'list and info',
  completion: 'Commands',
  stats: 'stats, propagate and edge-of-chaos',
  propagate: 'stats, propagate and edge-of-chaos',
  'edge-of-chaos': 'stats, propagate and edge-of-chaos',
};

/** Every line of the README's sh code blocks. */
const shLines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.trim().split('\n'));

describe('README', () => {
  it('starts with the two commands a newcomer runs', () => {
    expect(shLines.slice(0, 2)).toEqual(['npm install && npx actfn plot GELU', 'npm test']);
  });

  it.each(program.commands.map((c) => c.name()))(
    'documents %s with an example and every option in its section',
    (name) => {
      const text = section(SECTION[name]!);
      expect(text).toMatch(new RegExp(`actfn ${name}\\b`));
      const command = program.commands.find((c) => c.name() === name)!;
      const missing = command.options.filter((o) => !text.includes(o.long!)).map((o) => o.long);
      expect(missing, `options of ${name} not mentioned in "## ${SECTION[name]}"`).toEqual([]);
    },
  );

  it('states the exit codes and where data and messages go', () => {
    expect(readme).toMatch(
      /\*\*Exit codes:\*\* `0` success; `1` a failed check \(grad-check\) or a runtime error[^;]*; `2` a usage error/,
    );
    expect(readme).toMatch(/stdout carries data, stderr messages/);
  });

  it('describes the JSON contracts of table and grad-check with the fields they emit', async () => {
    const table = JSON.parse((await runCli(['table', 'ELU', '--x', '0', '--json'])).stdout) as Record<
      string,
      unknown
    >[];
    for (const key of Object.keys(table[0]!)) expect(section('table')).toContain(`"${key}"`);
    const check = JSON.parse((await runCli(['grad-check', 'ReLU', '--x', '-1,0,1', '--json'])).stdout) as {
      functions: Record<string, unknown>[];
    };
    const fields = [...Object.keys(check), ...Object.keys(check.functions[0]!)];
    for (const key of fields) expect(section('grad-check')).toContain(`"${key}"`);
    const diff = JSON.parse((await runCli(['diff', 'ReLU', 'ELU', '--samples', '3', '--json'])).stdout) as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    const diffFields = [
      ...Object.keys(diff),
      ...Object.keys(diff.f!),
      ...Object.keys(diff.f!.formats!.float32!),
      ...Object.keys(diff.f!.formats!),
    ];
    for (const key of diffFields) expect(section('diff')).toContain(`"${key}"`);
  });

  it('every npx actfn line works', async () => {
    const torch = torchPython() !== undefined;
    const lines = shLines.filter((l) => exampleOf(l) !== undefined);
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) await expectExampleWorks(line, tmp(), torch);
    // Some forty commands, torch's among them: beyond the default minute on the busy 2-core machine.
  }, 180_000);

  /** Sample output: a text block after `<!-- output of: actfn … -->` is exactly what that prints. */
  const samples = [...readme.matchAll(/<!-- output of: (actfn [^>]+?) -->\n```text\n([\s\S]*?)```/g)].map((m) => ({
    line: m[1]!,
    text: m[2]!,
  }));

  it('shows sample output for table, grad-check and the terminal charts', () => {
    expect(samples.map((s) => s.line.split(' ')[1])).toEqual(expect.arrayContaining(['table', 'grad-check', 'plot']));
  });

  it.each(samples)('the output shown for `$line` is what it prints today', async ({ line, text }) => {
    const r = await runCli(exampleOf(line)!.argv, { cwd: tmp() });
    expect([r.code, r.stdout]).toEqual([0, text]);
  });

  /** Figures: `<img src="docs/X.png">` followed by a caption naming the command(s) that drew them. */
  const figures = [...readme.matchAll(/<img src="(docs\/[^"]+\.png)"/g)].map((m) => m[1]!);
  const commands = [...readme.matchAll(/`(actfn [^`]+ -o (docs\/[^`\s]+\.png))`/g)].map((m) => ({
    line: m[1]!,
    file: m[2]!,
  }));

  it('has figures for plot and compare, each with the command that drew it', () => {
    expect(figures).toEqual(expect.arrayContaining(['docs/GELU.png', 'docs/compare.png', 'docs/compare-both.png']));
    expect(commands.map((c) => c.file).sort()).toEqual([...figures].sort());
  });

  it.each(commands)('$file is what `$line` draws today', async ({ line, file }) => {
    const cwd = tmp();
    const { argv } = exampleOf(line)!;
    const r = await runCli(argv, { cwd });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const fresh = readFileSync(join(cwd, file));
    if (process.env.UPDATE_DOCS) writeFileSync(join(REPO, file), fresh);
    const actual = PNG.sync.read(fresh);
    const expected = PNG.sync.read(readFileSync(join(REPO, file)));
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    const differing = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, {
      threshold: 0.1,
    });
    expect(
      differing / (actual.width * actual.height),
      `${file} is out of date: UPDATE_DOCS=1 npx vitest run test/readme.test.ts`,
    ).toBeLessThan(0.002);
  });
});
