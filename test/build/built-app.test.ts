/**
 * The built app (dist/), as `npm start` and `npm run dandang` run it: tsc's output joined by esbuild
 * into entry points and shared chunks (scripts/run.mjs). The rest of the suite runs the TypeScript
 * sources, so only this file would notice a build that cannot find its migrations or assets, a lazy
 * chunk (the charts, the workbook) that fails to load, or a daily backup that spawns a CLI that
 * is not there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const RUN = join(ROOT, 'scripts/run.mjs');

let dir: string;
let env: NodeJS.ProcessEnv;
let server: ChildProcess | undefined;
let output = '';
let base = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function firstAnswer(url: string, deadlineMs: number): Promise<Response> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const r = await fetch(url).catch(() => null);
    if (r) return r;
    if (Date.now() > deadline) throw new Error(`no answer from ${url}; the server said:\n${output}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  dir = mkdtempSync(join(tmpdir(), 'dandang-built-'));
  // A daily backup due at once: the started bot spawns the built CLI for it.
  writeFileSync(
    join(dir, 'dandang.yml'),
    `backup:\n  daily: true\n  time: "00:00"\n  dir: ${JSON.stringify(join(dir, 'backups'))}\n`,
  );
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    DANDANG_DB: join(dir, 'dandang.db'),
    DANDANG_CONFIG: join(dir, 'dandang.yml'),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
  };
  for (const k of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'FEISHU_APP_ID', 'FEISHU_APP_SECRET'])
    delete env[k];
  server = spawn(process.execPath, [RUN, 'src/main.js'], { cwd: ROOT, env });
  server.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  server.stderr!.on('data', (b: Buffer) => (output += b.toString()));
}, 240_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the built app (dist/)', () => {
  it('is the entry points and their shared chunks, with the migrations and assets beside them', () => {
    expect(existsSync(join(ROOT, 'dist/src/main.js'))).toBe(true);
    expect(existsSync(join(ROOT, 'dist/adapters/cli/index.js'))).toBe(true);
    expect(readdirSync(join(ROOT, 'dist/migrations')).some((f) => f.endsWith('.sql'))).toBe(true);
    expect(existsSync(join(ROOT, 'dist/adapters/local/assets/app.css'))).toBe(true);
    // Joined, not tsc's one file per module: no compiled use case sits in dist/ on its own.
    expect(existsSync(join(ROOT, 'dist/src/usecases'))).toBe(false);
  });

  it('starts on a new database, loads the demo and answers the workspace page with its stylesheet', async () => {
    const page = await firstAnswer(`${base}/`, 60_000);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('担当');
    const css = await fetch(`${base}/assets/app.css`);
    expect(css.status).toBe(200);
    expect(output).toContain('loaded the demo organisation');
    const health = (await (await fetch(`${base}/readyz`)).json()) as { ready: boolean };
    expect(health.ready).toBe(true);
  }, 90_000);

  it("draws the HR dashboard's charts (ECharts loads on first use)", async () => {
    await firstAnswer(`${base}/`, 60_000);
    const r = await fetch(`${base}/dashboard`, { headers: { cookie: 'dandang_persona=chenjing' } });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html.match(/<svg/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
  }, 90_000);

  it('takes the daily backup in a child process running the built CLI', async () => {
    await firstAnswer(`${base}/`, 60_000);
    // The backup is written as .partial, checked, then renamed: wait for the finished file.
    const finished = () =>
      existsSync(join(dir, 'backups')) &&
      readdirSync(join(dir, 'backups')).some((f) => /^dandang-\d{4}-\d{2}-\d{2}\.db$/.test(f));
    const deadline = Date.now() + 60_000;
    while (!finished()) {
      if (Date.now() > deadline) throw new Error(`no daily backup was written; the server said:\n${output}`);
      await new Promise((res) => setTimeout(res, 200));
    }
    expect(output).toMatch(/Backed up to .*dandang-\d{4}-\d{2}-\d{2}\.db.*integrity ok/);
  }, 90_000);

  it('runs a CLI command from the build: the XLSX report export (ExcelJS loads on first use)', async () => {
    await firstAnswer(`${base}/`, 60_000);
    const out = join(dir, 'report.xlsx');
    const r = spawnSync(
      process.execPath,
      [RUN, 'adapters/cli/index.js', 'report', 'export', '--format', 'xlsx', '--out', out],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Wrote');
    // An XLSX file is a zip: it starts with PK.
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  }, 90_000);
});
