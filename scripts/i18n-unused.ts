/**
 * Finds i18n keys that no source file uses: `npx tsx scripts/i18n-unused.ts` lists them and exits 1.
 * test/ui/i18n.test.ts runs the same check, so a key left behind by a refactor fails `npm test`.
 *
 * A key counts as used when a source file (src/, adapters/, db/, outside the catalogs) quotes it,
 * or builds it from a prefix: `off.step.${id}` or 'off.step.' + id use every `off.step.*` key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MESSAGE_KEYS } from '../src/ui/i18n/index.js';

const ROOT = join(fileURLToPath(import.meta.url), '../..');
const SOURCE_DIRS = ['src', 'adapters', 'db'];
const CATALOGS = 'src/ui/i18n/';

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(e.name) && !path.startsWith(CATALOGS) ? [path] : [];
  });
}

/** Keys quoted whole, and prefixes keys are built from. */
export function keyReferences(source: string): { literals: Set<string>; prefixes: Set<string> } {
  const literals = new Set<string>();
  const prefixes = new Set<string>();
  for (const m of source.matchAll(/['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"`]/g)) literals.add(m[1]!);
  for (const m of source.matchAll(/`([a-zA-Z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)) prefixes.add(m[1]!);
  for (const m of source.matchAll(/['"]([a-zA-Z][\w-]*(?:\.[\w-]+)*\.)['"]\s*\+/g)) prefixes.add(m[1]!);
  return { literals, prefixes };
}

export function unusedMessageKeys(): string[] {
  const literals = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const refs = keyReferences(readFileSync(join(ROOT, file), 'utf8'));
    refs.literals.forEach((k) => literals.add(k));
    refs.prefixes.forEach((p) => prefixes.add(p));
  }
  return MESSAGE_KEYS.filter((k) => !literals.has(k) && ![...prefixes].some((p) => k.startsWith(p)));
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const unused = unusedMessageKeys();
  for (const k of unused) console.log(k);
  process.exit(unused.length ? 1 : 0);
}
