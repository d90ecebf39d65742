/**
 * Finding an installed font for characters the bundled font lacks (CJK labels such as the
 * article's 原函數). Only used when such a label is drawn: the usual run never looks at system
 * fonts. fontconfig is asked first where it exists (`fc-match`, then `fc-list`: it knows the
 * fonts the system is configured with, wherever they are); else the usual font folders are
 * scanned. Each candidate's character map is read straight from the file (a few KB, not the
 * whole font), so the check stays cheap even with large CJK collections installed.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';
import { readCmap } from './truetype.js';

export function systemFontDirs(
  os: string = platform(),
  home: string = homedir(),
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (os === 'darwin') return ['/System/Library/Fonts', '/Library/Fonts', join(home, 'Library/Fonts')];
  if (os === 'win32')
    return [
      join(env.WINDIR ?? 'C:\\Windows', 'Fonts'),
      join(env.LOCALAPPDATA ?? join(home, 'AppData/Local'), 'Microsoft/Windows/Fonts'),
    ];
  const dataDirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':').filter(Boolean);
  return [...dataDirs.map((d) => join(d, 'fonts')), join(home, '.local/share/fonts'), join(home, '.fonts')];
}

function listFontFiles(dir: string, depth = 0, out: string[] = []): string[] {
  if (depth > 4) return out;
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) listFontFiles(path, depth + 1, out);
    else if (/\.(ttf|otf|ttc)$/i.test(e.name)) out.push(path);
  }
  return out;
}

/** Regular sans faces first, then the rest; ties in path order, so the choice is repeatable. */
function preference(path: string): number {
  const name = path.slice(path.lastIndexOf('/') + 1);
  let score = 0;
  if (/bold|black|heavy|light|thin|italic|oblique|mono|condensed/i.test(name)) score += 2;
  if (!/sans/i.test(name)) score += 1;
  return score;
}

function readAt(fd: number, position: number, length: number): DataView {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return new DataView(buf.buffer, buf.byteOffset, n);
}

/** Whether the font file (first face of a collection) has glyphs for every character. */
export function fontCovers(path: string, chars: readonly string[]): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = readAt(fd, 0, 16);
    const tag = head.getUint32(0);
    const start = tag === 0x74746366 /* 'ttcf' */ ? head.getUint32(12) : 0;
    const numTables = readAt(fd, start + 4, 2).getUint16(0);
    const dir = readAt(fd, start + 12, 16 * numTables);
    for (let i = 0; i < numTables; i++) {
      if (dir.getUint32(16 * i) !== 0x636d6170 /* 'cmap' */) continue;
      const cmap = readAt(fd, dir.getUint32(16 * i + 8), dir.getUint32(16 * i + 12));
      const lookup = readCmap(cmap, 0);
      return chars.every((c) => lookup(c.codePointAt(0)!) !== 0);
    }
    return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Runs a fontconfig tool; undefined when it is missing or fails. */
function fontconfig(tool: string, args: readonly string[]): string | undefined {
  try {
    const r = spawnSync(tool, args, { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
    return r.status === 0 ? r.stdout : undefined;
  } catch {
    return undefined;
  }
}

/** fontconfig's choice of a font with all of `chars`: fc-match's best, else fc-list's matches. */
export function fontconfigCovering(chars: readonly string[]): string | undefined {
  const charset = `:charset=${chars.map((c) => c.codePointAt(0)!.toString(16)).join(' ')}`;
  const best = fontconfig('fc-match', ['-f', '%{file}', charset])?.trim();
  // fc-match always answers with something: keep it only if it has the glyphs.
  if (best && fontCovers(best, chars)) return best;
  const listed = fontconfig('fc-list', ['-f', '%{file}\n', charset]);
  if (!listed) return undefined;
  const files = [...new Set(listed.split('\n').filter(Boolean))].sort(
    (a, b) => preference(a) - preference(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return files.find((f) => fontCovers(f, chars));
}

/**
 * The preferred installed font file with glyphs for all of `chars`, if any: fontconfig's, else
 * the first of the font folders' files.
 */
export function findFontCovering(chars: readonly string[], dirs?: readonly string[]): string | undefined {
  if (dirs === undefined) {
    const viaFontconfig = fontconfigCovering(chars);
    if (viaFontconfig) return viaFontconfig;
  }
  return scanFontDirs(chars, dirs ?? systemFontDirs());
}

function scanFontDirs(chars: readonly string[], dirs: readonly string[]): string | undefined {
  const files = [...new Set(dirs.flatMap((d) => listFontFiles(d)))].sort(
    (a, b) => preference(a) - preference(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return files.find((f) => fontCovers(f, chars));
}
