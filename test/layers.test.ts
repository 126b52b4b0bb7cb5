/**
 * `npm run lint:layers` must fail on a layering violation. This builds a small tree that breaks
 * each rule of .dependency-cruiser.cjs once (and follows the table everywhere else), runs the real
 * dependency-cruiser on it with our config, and expects exactly those violations.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
let dir: string;

/** Each file's imports. A file whose name says `ok` must cause no violation. */
const TREE: Record<string, string> = {
  // allowed: the domain's own files and its named pure libraries
  'src/domain/ok.ts':
    "import { z } from 'zod';\nimport { createHash } from 'node:crypto';\nimport { y } from './other.js';\nexport const ok = [z, createHash, y];",
  'src/domain/other.ts': 'export const y = 1;',
  'src/domain/imports-db.ts': "import { x } from '../../db/client.js';\nexport const a = x;",
  'src/domain/reads-file.ts': "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;",
  'src/domain/imports-missing.ts': "import { nothing } from './missing.js';\nexport const a = nothing;",
  'src/ui/model.ts': 'export interface Message { text: string }\nexport const blank = { text: "" };',
  'src/ui/screen.ts': "import type { Person } from '../ports/records.js';\nexport const screen = (p: Person) => p;",
  'src/ui/calls-usecase.ts': "import { verb } from '../usecases/verb.js';\nexport const a = verb;",
  'src/ui/port-value.ts': "import { HR } from '../ports/settings.js';\nexport const a = HR;",
  'src/ports/records.ts': 'export interface Person { id: string }',
  'src/ports/settings.ts':
    "import type { Config } from '../config.js';\nexport type S = Config;\nexport const HR = 'hr';",
  'src/ports/repo.ts': "import type { Config } from '../config.js';\nexport type R = Config;",
  'src/ports/outbox.ts': "import type { Message } from '../ui/model.js';\nexport type O = Message;",
  'src/config.ts': "import { z } from 'zod';\nexport interface Config { z: typeof z }",
  'src/usecases/verb.ts': "import { screen } from '../ui/screen.js';\nexport const verb = screen;",
  'src/usecases/reads-file.ts': "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;",
  'src/usecases/uses-slack.ts': "import { App } from '@slack/bolt';\nexport const a = App;",
  'src/app/handler.ts':
    "import { verb } from '../usecases/verb.js';\nimport { send } from '../delivery/sender.js';\nexport const a = [verb, send];",
  'src/delivery/sender.ts': "import type { Person } from '../ports/records.js';\nexport const send = (p: Person) => p;",
  'src/main.ts':
    "import cron from 'node-cron';\nimport { x } from '../db/client.js';\nimport { y } from '../adapters/slack/own.js';\nexport const ok = [cron, x, y];",
  'db/client.ts': "import type { Message } from '../src/ui/model.js';\nexport const x = 1;\nexport type M = Message;",
  'db/renders.ts': "import { screen } from '../src/ui/screen.js';\nexport const a = screen;",
  'db/message-value.ts': "import { blank } from '../src/ui/model.js';\nexport const a = blank;",
  'adapters/slack/own.ts': "import { handler } from './reaches-feishu.js';\nexport const y = handler;",
  'adapters/slack/reaches-feishu.ts': "import { z } from '../feishu/client.js';\nexport const handler = z;",
  'adapters/slack/calls-usecase.ts': "import { verb } from '../../src/usecases/verb.js';\nexport const a = verb;",
  'adapters/feishu/client.ts': 'export const z = 1;',
  'adapters/cli/ok.ts':
    "import { verb } from '../../src/usecases/verb.js';\nimport { z } from '../feishu/client.js';\nexport const ok = [verb, z];",
};

const EXPECTED = [
  'src/domain/imports-db.ts: domain-imports-only-domain',
  'src/domain/imports-db.ts: src-stays-off-platforms-and-storage',
  'src/domain/reads-file.ts: domain-does-no-io',
  'src/domain/imports-missing.ts: src-imports-resolve',
  'src/domain/imports-missing.ts: domain-imports-only-domain',
  'src/ui/calls-usecase.ts: ui-imports-domain-and-ports',
  'src/ui/port-value.ts: ui-uses-port-types-only',
  'src/ports/repo.ts: only-settings-names-config',
  'src/usecases/reads-file.ts: usecases-do-no-io',
  'src/usecases/uses-slack.ts: usecases-import-domain-ui-ports',
  'src/usecases/uses-slack.ts: src-stays-off-platforms-and-storage',
  'src/app/handler.ts: app-imports-usecases-ui-ports-domain',
  'db/renders.ts: db-imports-ports-domain-and-messages',
  'db/renders.ts: db-holds-messages-as-types',
  'db/message-value.ts: db-holds-messages-as-types',
  'adapters/slack/reaches-feishu.ts: platforms-do-not-import-each-other',
  'adapters/slack/calls-usecase.ts: adapters-call-the-router',
].sort();

interface Cruise {
  summary: { violations: { from: string; rule: { name: string } }[] };
}

const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** Runs dependency-cruiser on the fixture tree with our config, as `npm run lint:layers` does. */
async function depcruise(...extra: string[]): Promise<{ code: number; stdout: string }> {
  const args = [DEPCRUISE, 'src', 'db', 'adapters', '--config', join(ROOT, '.dependency-cruiser.cjs'), ...extra];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: dir, maxBuffer: 1 << 26 });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '' };
  }
}

const violationsIn = (json: string) =>
  (JSON.parse(json) as Cruise).summary.violations.map((v) => `${v.from}: ${v.rule.name}`).sort();

describe('the layering check (npm run lint:layers)', () => {
  beforeAll(() => {
    // Inside the repository (test-output/ is ignored), so packages resolve from its node_modules.
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    dir = mkdtempSync(join(ROOT, 'test-output', 'layers-'));
    for (const [file, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), `${text}\n`);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds each kind of violation, and nothing the table allows', async () => {
    expect(violationsIn((await depcruise('-T', 'json')).stdout)).toEqual(EXPECTED);
  }, 60_000);

  it('exits non-zero and names the rule, as npm test sees it', async () => {
    const { code, stdout } = await depcruise();
    expect(code).not.toBe(0);
    expect(stdout).toContain('domain-imports-only-domain: src/domain/imports-db.ts → db/client.ts');
  }, 60_000);
});
