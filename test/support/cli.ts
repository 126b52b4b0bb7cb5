/**
 * Shared setup of the CLI tests: a temp folder with a clean environment, and the CLI run in-process
 * (the same code path minus process start-up) or as a child process the way a user runs it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../adapters/cli/run.js';
import type { Clock } from '../../src/ports/clock.js';

/** The repository's root (examples/, adapters/cli/index.ts). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/**
 * A new temp folder and a clean env for it: no platform tokens leak in from the machine running the
 * tests; the database and the config file (`configFile`, not created) live in the folder.
 */
export function cliSandbox(prefix: string, configFile = 'dandang.yml'): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    DANDANG_DB: join(dir, 'dandang.db'),
    DANDANG_CONFIG: join(dir, configFile),
  };
  return { dir, env };
}

/** Runs the CLI in-process with `env`, capturing the lines it prints on each stream. */
export async function runCliLines(
  args: string[],
  env: Record<string, string>,
  clock?: Clock,
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, env, clock);
  return { code, out, err };
}

/** `runCliLines`, each stream joined into one text. */
export async function runCliText(
  args: string[],
  env: Record<string, string>,
  clock?: Clock,
): Promise<{ code: number; out: string; err: string }> {
  const r = await runCliLines(args, env, clock);
  return { code: r.code, out: r.out.join('\n'), err: r.err.join('\n') };
}

/** Runs `entry` (a .ts file under ROOT) with tsx as a child process, as `npm start` or `npm run dandang` do. */
export function runAsChild(
  entry: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [join(ROOT, entry), ...args], { cwd: ROOT, env, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}
