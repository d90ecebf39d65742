/**
 * `actfn completion bash|zsh|fish`: a shell completion script generated from the commander program
 * (commands, options, their descriptions and fixed values) and the registry (catalog names and
 * aliases), so it never falls out of step with either. The names are written into the script:
 * completing by running actfn at every Tab would cost a Node start-up each time.
 */
import { Help, type Command, type Option } from 'commander';
import { UsageError } from '../errors.js';
import { catalog } from '../math/catalog.js';
import { FORMAT_BY_EXTENSION } from '../paint/image.js';
import { LEGEND_PLACEMENTS, THEME_NAMES } from '../chart/model.js';
import type { CliIO } from './io.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What may follow an option: nothing (a flag), a file, a folder, one of some words, or free text. */
export type ValueKind =
  | { readonly kind: 'flag' }
  | { readonly kind: 'file' }
  | { readonly kind: 'folder' }
  | { readonly kind: 'words'; readonly words: readonly string[] }
  | { readonly kind: 'text' };

export interface CompletionOption {
  readonly short?: string;
  readonly long?: string;
  readonly description: string;
  readonly value: ValueKind;
}

export interface CompletionCommand {
  readonly name: string;
  readonly description: string;
  readonly options: readonly CompletionOption[];
  /** True when the operands are function specs: the catalog's names complete them. */
  readonly specs: boolean;
  /** Other words for the operands: an argument's choices, or command names for `help`. */
  readonly operands: readonly string[];
}

export interface CompletionModel {
  readonly program: string;
  readonly options: readonly CompletionOption[];
  readonly commands: readonly CompletionCommand[];
  /** Catalog names and aliases. */
  readonly names: readonly string[];
}

/** Every catalog name and alias, in listing order, each once. */
export function catalogWords(): string[] {
  return [...new Set(catalog.flatMap((e) => [e.name, ...e.aliases]))];
}

/**
 * Values of options whose choices the command checks itself (plot and compare parse these, so the
 * words come from the same constants); commander's own `.choices()` are read from the option.
 */
const CHECKED_VALUES: Readonly<Record<string, readonly string[]>> = {
  '--format': Object.keys(FORMAT_BY_EXTENSION),
  '--theme': THEME_NAMES,
  '--legend': LEGEND_PLACEMENTS,
};

function valueKindOf(option: Option): ValueKind {
  if (!option.required && !option.optional) return { kind: 'flag' };
  if (option.argChoices) return { kind: 'words', words: option.argChoices };
  const words = option.long ? CHECKED_VALUES[option.long] : undefined;
  if (words) return { kind: 'words', words };
  if (option.long === '--out-dir') return { kind: 'folder' };
  if (option.long === '--out') return { kind: 'file' };
  return { kind: 'text' };
}

function optionsOf(help: Help, command: Command): CompletionOption[] {
  return help.visibleOptions(command).map((o) => ({
    ...(o.short ? { short: o.short } : {}),
    ...(o.long ? { long: o.long } : {}),
    description: o.description,
    value: valueKindOf(o),
  }));
}

/** Arguments that take function specs (`diff A B` names its two `a` and `b`). */
const SPEC_ARGUMENTS = ['specs', 'a', 'b'];

/** The model of `program`: its options, and per command its options and operand words. */
export function completionModel(program: Command): CompletionModel {
  const help = new Help();
  const commands = help.visibleCommands(program).map((c) => {
    const first = c.registeredArguments[0];
    const operands = c.name() === 'help' ? program.commands.map((p) => p.name()) : (first?.argChoices ?? []);
    return {
      name: c.name(),
      description: c.description(),
      options: optionsOf(help, c),
      specs: SPEC_ARGUMENTS.includes(first?.name() ?? ''),
      operands,
    };
  });
  return { program: program.name(), options: optionsOf(help, program), commands, names: catalogWords() };
}

const flagsOf = (o: CompletionOption) => [o.short, o.long].filter((f): f is string => f !== undefined);

/** A single-quoted word for bash and zsh. */
const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** A single-quoted word for fish (backslash escapes only \\ and \'). */
const fishQuote = (s: string) => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
/** zsh's _arguments reads `[`, `]` and `:` in descriptions specially. */
const zshDescription = (s: string) => s.replace(/[[\]:\\]/g, (c) => `\\${c}`);
const fnName = (program: string) => `_${program.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** File names may hold spaces: split compgen's answer at newlines only. */
const FILES = `local IFS=$'\\n'; compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return`;

function bashScript(m: CompletionModel): string {
  const fn = fnName(m.program);
  const top = [...m.commands.map((c) => c.name), ...m.options.flatMap(flagsOf)];
  const lines = [
    `# bash completion for ${m.program}, generated by \`${m.program} completion bash\` from its commands and catalog.`,
    `# This shell:   source <(${m.program} completion bash)`,
    `# Every shell:  ${m.program} completion bash > ~/.local/share/bash-completion/completions/${m.program}`,
    `${fn}() {`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's ${…}, not ours
    '  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= i',
    `  local names=${shQuote(m.names.join(' '))}`,
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's ${…}, not ours
    '    case ${COMP_WORDS[i]} in',
    `      ${m.commands.map((c) => c.name).join('|')}) cmd=\${COMP_WORDS[i]}; break ;;`,
    '    esac',
    '  done',
    '  case $cmd in',
    `    '') COMPREPLY=($(compgen -W ${shQuote(top.join(' '))} -- "$cur")) ;;`,
  ];
  for (const c of m.commands) {
    lines.push(`    ${c.name})`, '      case $prev in');
    const byKind = new Map<string, string[]>();
    for (const o of c.options) {
      const v = o.value;
      const action =
        v.kind === 'file'
          ? FILES
          : v.kind === 'folder'
            ? FILES.replace('-f', '-d')
            : v.kind === 'words'
              ? `COMPREPLY=($(compgen -W ${shQuote(v.words.join(' '))} -- "$cur")); return`
              : v.kind === 'text'
                ? 'return'
                : undefined;
      if (action) byKind.set(action, [...(byKind.get(action) ?? []), ...flagsOf(o)]);
    }
    for (const [action, flags] of byKind) lines.push(`        ${flags.join('|')}) ${action} ;;`);
    lines.push(
      '      esac',
      `      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W ${shQuote(c.options.flatMap(flagsOf).join(' '))} -- "$cur"))`,
      c.specs
        ? '      else COMPREPLY=($(compgen -W "$names" -- "$cur")); fi ;;'
        : c.operands.length
          ? `      else COMPREPLY=($(compgen -W ${shQuote(c.operands.join(' '))} -- "$cur")); fi ;;`
          : '      fi ;;',
    );
  }
  lines.push('  esac', '}', `complete -F ${fn} ${m.program}`, '');
  return lines.join('\n');
}

function zshOptionSpec(o: CompletionOption): string {
  const flags = flagsOf(o);
  const exclusive = flags.length > 1 ? `'(${flags.join(' ')})'{${flags.join(',')}}` : '';
  const head = exclusive ? `${exclusive}'` : `'${flags[0]}`;
  const v = o.value;
  const value =
    v.kind === 'flag'
      ? ''
      : v.kind === 'file'
        ? ':file:_files'
        : v.kind === 'folder'
          ? ':folder:_files -/'
          : v.kind === 'words'
            ? `:value:(${v.words.join(' ')})`
            : ':value: ';
  return `${head}[${zshDescription(o.description).replace(/'/g, `'\\''`)}]${value}'`;
}

function zshScript(m: CompletionModel): string {
  const fn = fnName(m.program);
  const lines = [
    `#compdef ${m.program}`,
    `# zsh completion for ${m.program}, generated by \`${m.program} completion zsh\` from its commands and catalog.`,
    `# This shell:   source <(${m.program} completion zsh)`,
    `# Every shell:  ${m.program} completion zsh > "\${fpath[1]}/_${m.program}"`,
    `compdef ${fn} ${m.program}`,
    `${fn}() {`,
    '  local curcontext=$curcontext state line ret=1',
    '  local -a commands',
    '  commands=(',
    ...m.commands.map((c) => `    ${shQuote(`${c.name}:${c.description.replace(/:/g, '\\:')}`)}`),
    '  )',
    '  _arguments -C \\',
    ...m.options.map((o) => `    '(- *)'${zshOptionSpec(o).replace(/^'\([^)]*\)'/, '')} \\`),
    "    '1: :->command' \\",
    "    '*:: :->args' && ret=0",
    '  case $state in',
    "    command) _describe -t commands 'command' commands && ret=0 ;;",
    '    args)',
    '      case $words[1] in',
  ];
  for (const c of m.commands) {
    const words = c.specs ? m.names : c.operands;
    const operands = words.length ? [`          '*:${c.specs ? 'function' : 'argument'}:(${words.join(' ')})'`] : [];
    const specs = [...c.options.map((o) => `          ${zshOptionSpec(o)}`), ...operands];
    lines.push(`        ${c.name}) _arguments -s \\`, specs.join(' \\\n') + ' && ret=0 ;;');
  }
  lines.push(
    '      esac ;;',
    '  esac',
    '  return ret',
    '}',
    `if [ "$funcstack[1]" = "${fn}" ]; then`,
    `  ${fn} "$@"`,
    'fi',
    '',
  );
  return lines.join('\n');
}

function fishOption(program: string, condition: string, o: CompletionOption): string {
  const parts = [`complete -c ${program} -n ${fishQuote(condition)}`];
  if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
  if (o.long) parts.push(`-l ${o.long.replace(/^--/, '')}`);
  const v = o.value;
  if (v.kind === 'file') parts.push('-r -F');
  else if (v.kind === 'folder') parts.push("-x -a '(__fish_complete_directories)'");
  else if (v.kind === 'words') parts.push(`-x -a ${fishQuote(v.words.join(' '))}`);
  else if (v.kind === 'text') parts.push('-x');
  parts.push(`-d ${fishQuote(o.description)}`);
  return parts.join(' ');
}

function fishScript(m: CompletionModel): string {
  const names = m.commands.map((c) => c.name).join(' ');
  const none = `not __fish_seen_subcommand_from ${names}`;
  const lines = [
    `# fish completion for ${m.program}, generated by \`${m.program} completion fish\` from its commands and catalog.`,
    `# This shell:   ${m.program} completion fish | source`,
    `# Every shell:  ${m.program} completion fish > ~/.config/fish/completions/${m.program}.fish`,
    `complete -c ${m.program} -f`,
    ...m.options.map((o) => fishOption(m.program, none, o)),
    ...m.commands.map(
      (c) => `complete -c ${m.program} -n ${fishQuote(none)} -a ${c.name} -d ${fishQuote(c.description)}`,
    ),
  ];
  for (const c of m.commands) {
    const seen = `__fish_seen_subcommand_from ${c.name}`;
    lines.push(...c.options.map((o) => fishOption(m.program, seen, o)));
    const words = c.specs ? m.names : c.operands;
    if (words.length) lines.push(`complete -c ${m.program} -n ${fishQuote(seen)} -a ${fishQuote(words.join(' '))}`);
  }
  lines.push('');
  return lines.join('\n');
}

export function completionScript(shell: Shell, model: CompletionModel): string {
  switch (shell) {
    case 'bash':
      return bashScript(model);
    case 'zsh':
      return zshScript(model);
    case 'fish':
      return fishScript(model);
  }
}

export async function runCompletion(io: CliIO, shell: string, program: Command): Promise<number> {
  if (!(SHELLS as readonly string[]).includes(shell))
    throw new UsageError(`completion '${shell}': the shells are ${SHELLS.join(', ')}`);
  io.stdout.write(completionScript(shell as Shell, completionModel(program)));
  return 0;
}
