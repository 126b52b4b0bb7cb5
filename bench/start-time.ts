/**
 * `npm start` until the first page answers, on an existing database (the local workspace with its
 * demo organisation already loaded): the time from spawning the command to the first 200 on GET /.
 * dist/ is built first (scripts/run.mjs, as `npm start` would), so the runs time a start, not a build.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

const ROOT = join(import.meta.dirname, '..');

export interface StartTimeResult {
  runs: number;
  /** `npm start`, npm's own start included. */
  npmStartMs: { median: number; min: number };
  /** `node scripts/run.mjs src/main.js` (what npm start runs). */
  nodeMs: { median: number; min: number };
}

export async function benchStartTime(runs = 5): Promise<StartTimeResult> {
  const { ensureBuilt } = (await import(join(ROOT, 'scripts/run.mjs'))) as { ensureBuilt: () => boolean };
  if (!ensureBuilt()) throw new Error('dist/ could not be built (is TypeScript installed?)');
  const dir = mkdtempSync(join(tmpdir(), 'dandang-start-'));
  // No daily backup: a start after 03:00 would otherwise take one in a child process.
  writeFileSync(join(dir, 'dandang.yml'), 'backup:\n  daily: false\n');
  try {
    const env = {
      ...process.env,
      DANDANG_DB: join(dir, 'dandang.db'),
      DANDANG_CONFIG: join(dir, 'dandang.yml'),
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
    };
    // First start: creates the database and loads the demo; not timed.
    await timeToFirstPage(['node', 'scripts/run.mjs', 'src/main.js'], env);
    const npm: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < runs; i++) {
      node.push(await timeToFirstPage(['node', 'scripts/run.mjs', 'src/main.js'], env));
      npm.push(await timeToFirstPage(['npm', 'start', '--silent'], env));
    }
    return { runs, npmStartMs: stats(npm), nodeMs: stats(node) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]! };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function timeToFirstPage(cmd: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  // Its own process group, so the stop reaches npm's child too.
  const child = spawn(cmd[0]!, cmd.slice(1), {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    detached: true,
    stdio: 'ignore',
  });
  try {
    const deadline = t0 + 60_000;
    for (;;) {
      if (performance.now() > deadline) throw new Error(`${cmd.join(' ')}: no answer within 60 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(-child.pid!, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
}
