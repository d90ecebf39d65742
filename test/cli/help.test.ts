/**
 * Help, version and shell completion as a newcomer meets them: every command's --help lists all of
 * its options and has examples, and every example line in the help runs (in-process, in a temporary
 * folder) with exit code 0; the completion scripts parse and complete commands, options and catalog
 * names (bash always; zsh and fish where they are installed).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { catalogWords } from '../../src/commands/completion.js';
import { catalog } from '../../src/math/catalog.js';
import { VERSION } from '../../src/version.js';
import { runCli } from '../support/cli-capture.js';
import { tempFolders } from '../support/temp.js';
import { expectExampleWorks, torchPython } from '../support/shell-examples.js';

const tmp = tempFolders('help');

const quiet = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: process.cwd() };
const program = buildProgram(quiet, () => {});
const commands = program.commands.map((c) => c.name());

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const torch = torchPython();

const examples = (help: string) => [...help.matchAll(/^ {2}\$ (.+)$/gm)].map((m) => m[1]!);

describe('actfn --version and help', () => {
  it('--version and -V print the version on stdout', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await runCli([flag]);
      expect([r.code, r.stdout, r.stderr]).toEqual([0, `${VERSION}\n`, '']);
    }
  });

  it('--help lists every command, with examples and the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const name of commands) expect(r.stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    for (const name of commands.filter((c) => c !== 'completion')) {
      expect(
        examples(r.stdout).some((e) => e.startsWith(`actfn ${name}`)),
        name,
      ).toBe(true);
    }
    expect(r.stdout).toMatch(/Exit codes: 0 success, 1 a failed check or runtime error, 2 a usage error/);
  });

  it('`actfn help plot` is plot --help; no command at all is a usage error with the help on stderr', async () => {
    const viaHelp = await runCli(['help', 'plot']);
    const viaFlag = await runCli(['plot', '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^Usage: actfn/);
  });

  describe.each(commands)('actfn %s --help', (name) => {
    it('documents every option and has examples', async () => {
      const r = await runCli([name, '--help']);
      expect(r.code).toBe(0);
      const command = program.commands.find((c) => c.name() === name)!;
      for (const option of command.options) {
        expect(r.stdout, option.flags).toContain(option.long ?? option.short);
        expect(option.description.length, option.flags).toBeGreaterThan(5);
      }
      expect(examples(r.stdout).length).toBeGreaterThan(0);
    });

    it('every example works', async () => {
      const help = (await runCli([name, '--help'])).stdout;
      for (const line of examples(help)) await expectExampleWorks(line, tmp(), torch !== undefined);
    });
  });
});

describe('actfn completion', () => {
  const scripts = new Map<string, string>();
  const script = async (shell: string) => {
    if (!scripts.has(shell)) {
      const r = await runCli(['completion', shell]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      scripts.set(shell, r.stdout);
    }
    return scripts.get(shell)!;
  };
  const saved = async (shell: string) => {
    const file = join(tmp(), `actfn.${shell}`);
    writeFileSync(file, await script(shell));
    return file;
  };

  it('an unknown shell is a usage error naming the shells', async () => {
    const r = await runCli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^actfn: .*'tcsh'.*bash, zsh, fish/);
  });

  it.each(['bash', 'zsh', 'fish'])('the %s script names every command, option and catalog name', async (shell) => {
    const text = await script(shell);
    for (const name of commands) expect(text).toContain(name);
    for (const c of program.commands)
      for (const o of c.options) expect(text, o.flags).toContain(o.long!.replace(/^--/, ''));
    for (const entry of catalog)
      for (const word of [entry.name, ...entry.aliases]) expect(text).toMatch(new RegExp(`[ (']${word}[ )']`));
  });

  /** What bash's completion function offers for the words typed so far (the last is being typed). */
  async function bashComplete(...words: string[]): Promise<string[]> {
    const file = await saved('bash');
    const quoted = words.map((w) => `'${w}'`).join(' ');
    const r = spawnSync(
      'bash',
      [
        '-c',
        `source '${file}'; COMP_WORDS=(actfn ${quoted}); COMP_CWORD=${words.length}; _actfn; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  }

  it('bash: the script parses (bash -n)', async () => {
    const r = spawnSync('bash', ['-n', await saved('bash')], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('bash: completes commands, options, option values, file names and catalog names', async () => {
    expect(await bashComplete('gr')).toEqual(['grad-check']);
    expect(await bashComplete('')).toEqual(expect.arrayContaining(commands));
    expect(await bashComplete('plot', '--for')).toEqual(['--format']);
    expect(await bashComplete('plot', '--format', '')).toEqual([
      'png',
      'jpg',
      'jpeg',
      'webp',
      'svg',
      'pdf',
      'html',
      'htm',
      'gif',
    ]);
    expect(await bashComplete('compare', '--legend', 'upper')).toEqual(['upper-left', 'upper-right']);
    expect(await bashComplete('table', 'leaky')).toEqual(['leaky_relu']);
    expect(await bashComplete('plot', 'GE')).toEqual(['GELU', 'GELUTanh']);
    expect(await bashComplete('completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(await bashComplete('table', '--range', '')).toEqual([]);
    const dir = tmp();
    writeFileSync(join(dir, 'out file.png'), '');
    expect(await bashComplete('plot', '-o', join(dir, 'out'))).toEqual([join(dir, 'out file.png')]);
    expect((await bashComplete('info', '')).sort()).toEqual([...catalogWords()].sort());
  });

  it.skipIf(!has('zsh'))(
    'zsh: the script parses and registers _actfn after compinit (skipped without zsh)',
    async () => {
      const file = await saved('zsh');
      expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' }).status).toBe(0);
      const dump = join(tmp(), 'zcompdump');
      const r = spawnSync(
        'zsh',
        [
          '-f',
          '-c',
          `autoload -Uz compinit && compinit -u -d '${dump}' && source '${file}' && print -r -- $_comps[actfn]`,
        ],
        {
          encoding: 'utf8',
        },
      );
      expect([r.stdout.trim(), r.stderr]).toEqual(['_actfn', '']);
    },
  );

  it.skipIf(!has('fish'))(
    'fish: the script parses and completes commands, options and names (skipped without fish)',
    async () => {
      const file = await saved('fish');
      expect(spawnSync('fish', ['--no-execute', file], { encoding: 'utf8' }).status).toBe(0);
      const complete = (line: string) =>
        spawnSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { encoding: 'utf8' })
          .stdout.split('\n')
          .filter(Boolean)
          .map((l) => l.split('\t')[0]);
      expect(complete('actfn gr')).toEqual(['grad-check']);
      expect(complete('actfn plot GE')).toContain('GELU');
      expect(complete('actfn plot --for')).toEqual(['--format']);
      expect(complete('actfn plot --format ')).toEqual(expect.arrayContaining(['png', 'svg', 'pdf']));
      expect(complete('actfn completion ')).toEqual(['bash', 'fish', 'zsh']);
    },
  );
});
