/**
 * A broken configuration or input file ends the process with one line that says what to fix, never
 * a stack trace: `npm start` and every CLI command validate the offboarding policy when they load
 * the config, and YAML alias bombs are refused wherever YAML is read.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, runAsChild } from '../support/cli.js';

let dir: string;
let env: Record<string, string>;
beforeEach(() => {
  ({ dir, env } = cliSandbox('dandang-config-errors-'));
  env = {
    ...env,
    // Port 0: if a broken config were accepted, the local workspace would start on a free port
    // instead of colliding with anything (and the timeout below ends it).
    PORT: '0',
  };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (entry: string, args: string[]) => runAsChild(entry, args, env);
const start = () => run('src/main.ts', []);
const dandang = (...args: string[]) => run('adapters/cli/index.ts', args);

/** Nine levels of ten aliases each: about a billion nodes if it were expanded. */
const aliasBomb = () => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
};

const oneLine = (stderr: string) => stderr.trim().split('\n');
const noTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:|ENOENT/);

describe('configuration errors end with one line and exit 2', () => {
  it('a missing policy.file stops `npm start` and every CLI command', async () => {
    const missing = join(dir, 'policy.yml');
    writeFileSync(env.DANDANG_CONFIG!, `policy:\n  file: ${missing}\n`);
    const expected = `policy.file: cannot read ${missing} (no such file)`;
    for (const r of [await start(), await dandang('audit', 'verify'), await dandang('org', 'import', 'x.csv')]) {
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain(expected);
      noTrace(r.stderr);
    }
  }, 120_000);

  it('an invalid policy file stops the CLI too, naming the field', async () => {
    const file = join(dir, 'policy.yml');
    writeFileSync(file, 'extends: cn-art40\nevidence:\n  conversation:\n    count: -1\n');
    writeFileSync(env.DANDANG_CONFIG!, `policy:\n  file: ${file}\n`);
    const r = await dandang('audit', 'verify');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} evidence.conversation.count`);
    noTrace(r.stderr);
  }, 60_000);

  it('an alias bomb in the policy file or in dandang.yml is refused in one line', async () => {
    const file = join(dir, 'policy.yml');
    writeFileSync(file, aliasBomb());
    writeFileSync(env.DANDANG_CONFIG!, `policy:\n  file: ${file}\n`);
    for (const r of [await start(), await dandang('audit', 'verify')]) {
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain(`${file} is not valid YAML`);
      noTrace(r.stderr);
    }
    writeFileSync(env.DANDANG_CONFIG!, aliasBomb());
    const r = await dandang('audit', 'verify');
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toHaveLength(1);
    noTrace(r.stderr);
  }, 120_000);
});

describe('an alias bomb in an import file is invalid input', () => {
  it('jobs import exits 1 with file:line and writes nothing', async () => {
    const file = join(dir, 'jobs.yml');
    writeFileSync(file, aliasBomb());
    const r = await dandang('jobs', 'import', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:`);
    expect(r.stderr).toMatch(/alias/i);
    expect(r.stderr).toContain('nothing was imported');
    noTrace(r.stderr);
  }, 60_000);
});
