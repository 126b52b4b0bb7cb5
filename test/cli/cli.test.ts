import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../support/fake-slack.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { ROOT, cliSandbox, runAsChild, runCliLines } from '../support/cli.js';

let dir: string;
let env: Record<string, string>;
beforeEach(() => {
  ({ dir, env } = cliSandbox('dandang-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run dandang -- …` the way a user does, as a child process. */
const dandang = (args: string[], extraEnv: Record<string, string> = {}) =>
  runAsChild('adapters/cli/index.ts', args, { ...env, ...extraEnv });

/** Runs the CLI in-process (same code path minus process start-up), capturing its output. */
const cli = (args: string[], extraEnv: Record<string, string> = {}) => runCliLines(args, { ...env, ...extraEnv });

const query = <T>(sql: string): T[] => {
  const db = new Database(env.DANDANG_DB!, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};
const count = (table: string) => query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]!.n;

describe('dandang CLI', () => {
  let slack: FakeSlack | undefined;
  afterEach(async () => {
    await slack?.stop();
    slack = undefined;
  });

  it('imports the sample jobs and org; missing slack_ids are looked up by email through the Slack Web API', async () => {
    slack = await new FakeSlack().start();
    slack.users.set('li.na@example.com', 'ULINA');
    slack.users.set('tom.baker@example.com', 'UTOM');
    const slackEnv = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl };

    const jobs = await cli(['jobs', 'import', join(ROOT, 'examples/jobs.yml')], slackEnv);
    expect(jobs.out[0]).toBe(`Imported ${join(ROOT, 'examples/jobs.yml')}: 5 created, 0 updated, 0 unchanged.`);
    expect(jobs.code).toBe(0);

    const org = await dandang(['org', 'import', 'examples/people.csv'], slackEnv);
    expect(org.stdout).toContain('Imported examples/people.csv: 12 created, 0 updated, 0 deactivated, 0 unchanged.');
    expect(org.stdout).toContain('Found by email: 2 Slack id(s)');
    expect(org.stderr).toContain('warning: no Slack account for w2 (olivia.brown@example.com)');
    expect(org.code).toBe(0);

    // Only the six people without a slack_id in the file were looked up.
    const asked = slack.calls
      .filter((c) => c.method === 'users.lookupByEmail')
      .map((c) => c.args.email)
      .sort();
    expect(asked).toEqual([
      'alex.chen@example.com',
      'li.na@example.com',
      'liu.fang@example.com',
      'olivia.brown@example.com',
      'sam.oneil@example.com',
      'tom.baker@example.com',
    ]);
    const ids = Object.fromEntries(
      query<{ id: string; slack_id: string | null }>(`SELECT id, slack_id FROM people`).map((r) => [r.id, r.slack_id]),
    );
    expect(ids).toMatchObject({ s2: 'ULINA', s3: 'UTOM', s1: 'U01SAMPLE03', w2: null });
  }, 120_000);

  it('with Feishu configured, a missing feishu_open_id is looked up by email through the contact API', async () => {
    const feishu = await new FakeFeishu().start();
    try {
      feishu.directory.set('zhao.jing@example.com', 'ou_zhaojing');
      const feishuEnv = { FEISHU_APP_ID: 'cli_test', FEISHU_APP_SECRET: 'secret', FEISHU_DOMAIN: feishu.url };
      expect((await cli(['jobs', 'import', join(ROOT, 'examples/jobs.yml')], feishuEnv)).code).toBe(0);
      const r = await cli(['org', 'import', join(ROOT, 'examples/people.csv')], feishuEnv);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Found by email: 0 Slack id(s), 1 Feishu open_id(s).');
      expect(query<{ feishu_open_id: string }>(`SELECT feishu_open_id FROM people WHERE id = 'c1'`)).toEqual([
        { feishu_open_id: 'ou_zhaojing' },
      ]);
      // One batched call for the twelve people without an open_id, not one call per email.
      const lookups = feishu.calls.filter((c) => c.path === '/open-apis/contact/v3/users/batch_get_id');
      expect(lookups).toHaveLength(1);
      expect(lookups[0]!.body.emails).toHaveLength(12);
      expect(lookups[0]!.body.emails).toContain('zhao.jing@example.com');
    } finally {
      await feishu.close();
    }
  });

  it('a bad people.csv exits 1, prints every problem as file:line: field: message, and writes nothing', async () => {
    expect((await cli(['jobs', 'import', join(ROOT, 'examples/jobs.yml')])).code).toBe(0);
    const before = { people: count('people'), audit: count('audit_log') };
    const csv = readFileSync(join(ROOT, 'examples/people.csv'), 'utf8')
      .replace('s2,李娜,li.na@example.com,m-sales', 's2,李娜,li.na@example.com,m9')
      .replace('America/New_York,2023-05-22', 'America/NewYork,2023-05-22');
    const file = join(dir, 'people.csv');
    writeFileSync(file, csv);
    const r = await cli(['org', 'import', file]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${file}:8: manager_id: unknown manager "m9"; it must be the id of another row in this file`,
      `${file}:11: timezone: unknown timezone "America/NewYork"; use an IANA zone such as Asia/Shanghai or America/New_York`,
      '2 problem(s) in the file; nothing was imported',
    ]);
    expect({ people: count('people'), audit: count('audit_log') }).toEqual(before);
  });

  it('a bad jobs.yml exits 1 naming line and path', async () => {
    const file = join(dir, 'jobs.yml');
    writeFileSync(
      file,
      'jobs:\n  - id: rep\n    title: Rep\n    kpis:\n      - key: revenue\n        name: Revenue\n        target: 100\n        direction: more\n',
    );
    const r = await cli(['jobs', 'import', file]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toBe(
      `${file}:8: jobs[0].kpis[0].direction: use higher (more is better) or lower (less is better)`,
    );
    expect(count('jobs')).toBe(0);
  });

  it('leave add and leave import', async () => {
    await cli(['jobs', 'import', join(ROOT, 'examples/jobs.yml')]);
    await cli(['org', 'import', join(ROOT, 'examples/people.csv')]);
    expect(await cli(['leave', 'add', 's1', '2026-12-01', '2026-12-05', 'annual', 'leave'])).toMatchObject({
      code: 0,
      out: ['s1 is on leave from 2026-12-01 to 2026-12-05.'],
    });
    expect(query<{ reason: string }>(`SELECT reason FROM leaves`)).toEqual([{ reason: 'annual leave' }]);
    const file = join(dir, 'leave.csv');
    writeFileSync(
      file,
      'person_id,start_date,end_date,reason\nw1,2026-12-24,2026-12-26,holiday\nghost,2026-12-24,2026-12-26,\n',
    );
    expect(await cli(['leave', 'import', file])).toMatchObject({
      code: 1,
      err: [
        `${file}:3: person_id: unknown person "ghost"; import the org first`,
        '1 problem(s) in the file; nothing was imported',
      ],
    });
    expect(count('leaves')).toBe(1);
  });

  it('`audit verify` passes on an intact log and exits non-zero naming the first altered row', async () => {
    await cli(['jobs', 'import', join(ROOT, 'examples/jobs.yml')]);
    const ok = await cli(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.out[0]).toMatch(/^Audit log OK: \d+ row\(s\)/);

    const db = new Database(env.DANDANG_DB!);
    db.prepare(`UPDATE audit_log SET detail = '{"source":"someone else"}' WHERE id = 3`).run();
    db.close();
    const bad = await dandang(['audit', 'verify']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Audit log BROKEN at row 3: content does not match its hash.');
  }, 120_000);

  it('usage and configuration errors exit 2 and say what to do', async () => {
    expect(await cli(['org'])).toMatchObject({ code: 2, err: ['Usage: npm run dandang -- org import <people.csv>'] });
    expect(await cli(['org', 'import', join(dir, 'missing.csv')])).toMatchObject({
      code: 2,
      err: [`Cannot read ${join(dir, 'missing.csv')}: no such file`],
    });
    expect((await cli(['frobnicate'])).code).toBe(2);
    const badToken = await cli(['audit', 'verify'], {
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_APP_TOKEN: 'xoxb-not-an-app-token',
    });
    expect(badToken.code).toBe(2);
    expect(badToken.err.join('\n')).toContain(
      'SLACK_APP_TOKEN: Set SLACK_APP_TOKEN (xapp-…) or remove it to use HTTP mode',
    );
    writeFileSync(env.DANDANG_CONFIG!, 'schedule:\n  default:\n    cadence: fortnightly\n');
    const badConfig = await cli(['audit', 'verify']);
    expect(badConfig.code).toBe(2);
    expect(badConfig.err.join('\n')).toContain('schedule.default.cadence: use weekly, biweekly or monthly');
  });

  it('help lists every command', async () => {
    const r = await cli(['help']);
    expect(r.code).toBe(0);
    for (const c of ['org import', 'jobs import', 'leave add', 'leave import', 'audit verify', 'demo reset', 'dossier'])
      expect(r.out.join('\n')).toContain(c);
  });
});
