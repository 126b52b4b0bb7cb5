#!/usr/bin/env node
/**
 * Runs the built code (`dist/`), building it first when it is missing or stale, so a fresh clone
 * needs only `npm install` and `npm start`. Usage: node scripts/run.mjs <entry under dist/> [args…]
 * (`npm start` → src/main.js, `npm run dandang --` → adapters/cli/index.js).
 *
 * Stale means: the fingerprint of the sources (every file's path, size and mtime under src/,
 * adapters/, db/, migrations/, plus the tsconfigs and package.json) differs from the one stamped in
 * dist/.build-stamp by the last build. Computing it is a few hundred stat calls (milliseconds).
 * A build runs `tsc -p tsconfig.build.json` (the type check is part of the build), then joins
 * tsc's output with esbuild into the two entry points and their shared chunks (see bundle()), in a
 * fresh folder that is swapped in whole, so a process already running from dist/ never sees half a
 * build. It copies what tsc does not: the migrations and the local workspace's assets (the code
 * finds them from dist/, db/app-root.ts).
 * Where TypeScript is not installed (npm install --omit=dev) and there is no build, the sources run
 * through tsx, as before.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp');
const SOURCE_DIRS = ['src', 'adapters', 'db', 'migrations'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** Copied next to the compiled code, at the same relative paths. */
const ASSETS = ['migrations', 'adapters/local/assets'];
/** What `npm start` and `npm run dandang` run, and the daily backup spawns. */
const ENTRIES = ['src/main.js', 'adapters/cli/index.js'];
/**
 * Dependencies joined into dist/ with our code: plain JavaScript made of many small ES modules,
 * which Node 20 would otherwise find, read and compile one file at a time on every start (zod,
 * drizzle-orm and date-holidays are some three hundred). Every other dependency stays a package in
 * node_modules: native code (better-sqlite3, resvg), worker threads (pino), files read at run time
 * (the font), the platform SDKs, and the libraries loaded only when first used (ECharts, ExcelJS).
 */
const BUNDLED = ['drizzle-orm', 'zod', 'date-holidays', 'chinese-days', 'dayjs', 'yaml', 'csv-parse', 'ics'];

export function fingerprint() {
  const entries = [];
  const walk = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.isFile()) {
        const s = statSync(p);
        entries.push(`${relative(ROOT, p)}:${s.size}:${s.mtimeMs}`);
      }
    }
  };
  for (const d of SOURCE_DIRS) if (existsSync(join(ROOT, d))) walk(join(ROOT, d));
  for (const f of SOURCE_FILES) {
    const p = join(ROOT, f);
    if (existsSync(p)) {
      const s = statSync(p);
      entries.push(`${f}:${s.size}:${s.mtimeMs}`);
    }
  }
  entries.sort();
  return createHash('sha256').update(entries.join('\n')).digest('hex');
}

const isFresh = (fp) => existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fp;

function build(fp) {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  if (!existsSync(tsc)) return false;
  const out = join(ROOT, `.dist-build-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  process.stderr.write('[dandang] building dist/ (the sources changed since the last build)…\n');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    process.stderr.write('[dandang] the build failed (see above); fix the error or run from sources with tsx.\n');
    process.exit(r.status ?? 1);
  }
  bundle(out);
  for (const a of ASSETS) cpSync(join(ROOT, a), join(out, a), { recursive: true });
  // The fingerprint taken before the build: a source edited during it makes the next start rebuild.
  writeFileSync(join(out, '.build-stamp'), fp);
  // Swap in whole: a process still running from the old dist/ keeps its loaded modules.
  const old = join(ROOT, `.dist-old-${process.pid}`);
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(out, DIST);
  rmSync(old, { recursive: true, force: true });
  return true;
}

/**
 * Replaces tsc's output in `dir` (some four hundred modules) with the entry points and the chunks
 * they share, our code and BUNDLED joined: a start then reads a few dozen files instead of about
 * seven hundred (`npm run bench -- start` measures it). Lazy `import()`s stay lazy: each becomes a
 * chunk loaded on first use. Without esbuild (a production install) tsc's output is kept as it is.
 */
function bundle(dir) {
  let esbuild;
  try {
    esbuild = createRequire(import.meta.url)('esbuild');
  } catch {
    return;
  }
  const tscOut = join(dir, '.tsc');
  mkdirSync(tscOut);
  for (const d of readdirSync(dir)) if (d !== '.tsc') renameSync(join(dir, d), join(tscOut, d));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies ?? {})
    .filter((d) => !BUNDLED.includes(d))
    .flatMap((d) => [d, `${d}/*`]);
  esbuild.buildSync({
    entryPoints: ENTRIES.map((e) => join(tscOut, e)),
    outbase: tscOut,
    outdir: dir,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    // tsc's source maps are read and carried through, so a stack trace can still name a .ts line.
    sourcemap: 'linked',
    // A bundled CommonJS library may require() Node's own modules; ES modules have no require.
    banner: {
      js: "import { createRequire as __dandangRequire } from 'node:module'; const require = __dandangRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  rmSync(tscOut, { recursive: true, force: true });
}

/** One build at a time (npm start and a CLI command started together). */
function withBuildLock(fn) {
  const lock = join(ROOT, '.dist-build.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the deadline was left by a killed build.
      if (Date.now() > deadline || Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 120_000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds dist/ if it is missing or stale; false when it cannot (no TypeScript installed). */
export function ensureBuilt() {
  let fp = fingerprint();
  if (isFresh(fp)) return true;
  return withBuildLock(() => {
    fp = fingerprint();
    return isFresh(fp) || build(fp);
  });
}

export async function run(entry, args) {
  if (!ensureBuilt()) {
    // No TypeScript (a production install) and no current build: run the sources.
    const src = join(ROOT, entry.replace(/\.js$/, '.ts'));
    const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    const child = spawn(process.execPath, [tsx, src, ...args], { stdio: 'inherit' });
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
    child.on('exit', (code) => process.exit(code ?? 1));
    return;
  }
  process.argv = [process.argv[0], join(DIST, entry), ...args];
  await import(pathToFileURL(join(DIST, entry)).href);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    process.stderr.write('usage: node scripts/run.mjs <entry under dist/, e.g. src/main.js> [args…]\n');
    process.exit(2);
  }
  await run(entry, args);
}
