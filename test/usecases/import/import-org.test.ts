import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { makeImportOrg, oneEmailAtATime, type LookupIdByEmail } from '../../../src/usecases/org/import-org.js';
import { makeImportJobs } from '../../../src/usecases/org/import-jobs.js';
import { formatIssue, importIssues } from '../../../src/usecases/org/import/issues.js';
import { HEADER, counts, defaultSettings, example, personLine } from './support.js';

let t: TestDb;
const settings = defaultSettings();

beforeEach(async () => {
  t = makeTestDb();
  const jobs = await makeImportJobs({ store: t.store, clock: t.clock, settings })({ yaml: example('jobs.yml') });
  expect(jobs.ok).toBe(true);
});
afterEach(() => t.cleanup());

const importOrg = (csv: string, lookups: { slack?: LookupIdByEmail; feishu?: LookupIdByEmail } = {}) =>
  makeImportOrg({
    store: t.store,
    clock: t.clock,
    settings,
    lookupSlackIdsByEmail: lookups.slack && oneEmailAtATime(lookups.slack),
    lookupFeishuIdsByEmail: lookups.feishu && oneEmailAtATime(lookups.feishu),
  })({ csv });

const file = (...lines: string[]) => [HEADER, ...lines].join('\n') + '\n';
const base = [
  personLine({ id: 'm1', job: 'team-manager' }),
  personLine({ id: 'a', manager: 'm1' }),
  personLine({ id: 'b', manager: 'm1' }),
];

/** Imports `csv`, expects it to be refused, and returns the CLI-style error lines. */
async function refused(csv: string): Promise<string[]> {
  const before = counts(t.conn.sqlite);
  const r = await importOrg(csv);
  if (r.ok) throw new Error('expected the import to be refused');
  expect(r.code).toBe('INVALID_INPUT');
  expect(counts(t.conn.sqlite)).toEqual(before); // nothing written, audit included
  return importIssues(r).map((i) => formatIssue('people.csv', i));
}

describe('org import', () => {
  it('imports the sample org: every person created and audited', async () => {
    const before = counts(t.conn.sqlite);
    const r = await importOrg(example('people.csv'));
    expect(r).toMatchObject({ ok: true, value: { created: 12, updated: 0, deactivated: 0, unchanged: 0 } });
    const after = counts(t.conn.sqlite);
    expect(after.people).toBe(12);
    expect(after.audit - before.audit).toBe(12);
    const alex = t.store.tx((tx) => tx.org.person('m-support'));
    expect(alex).toMatchObject({
      name: 'Chen, Alex',
      managerId: 'ceo',
      jobId: 'team-manager',
      monthlyWage: 26000,
      active: true,
    });
    expect(
      t.store
        .tx((tx) => tx.org.reportsOf('m-sales'))
        .map((p) => p.id)
        .sort(),
    ).toEqual(['s1', 's2', 's3']);
    expect(t.store.tx((tx) => tx.org.person('hr1'))).toMatchObject({ name: '刘芳', role: 'hr', locale: 'zh-CN' });
  });

  it('reads a BOM, CRLF line ends and quoted fields with commas and newlines, and counts lines as the file does', async () => {
    const csv =
      '\uFEFF' +
      [
        HEADER,
        personLine({ id: 'm1', job: 'team-manager' }),
        '"a","Lee, Ann ""Annie""",a@example.com,m1,"Sales',
        'East",sales-rep,employee,,,en,Asia/Shanghai,2024-01-15,,',
        personLine({ id: 'b', manager: 'nobody' }),
      ].join('\r\n');
    // The quoted department spans lines 3–4 of the file and is read as one field, so the next
    // record is line 5. A department is one line of text (issue 12 #10: no control characters in
    // an imported field), so its line break is refused where the record starts.
    expect(await refused(csv)).toEqual([
      'people.csv:3: department: Keep it on one line: remove the line break at position 6.',
      'people.csv:5: manager_id: unknown manager "nobody"; it must be the id of another row in this file',
    ]);
    const ok = await importOrg(csv.replace('nobody', 'm1').replace('"Sales\r\nEast"', '"Sales, East"'));
    expect(ok.ok).toBe(true);
    expect(t.store.tx((tx) => tx.org.person('a'))).toMatchObject({
      name: 'Lee, Ann "Annie"',
      department: 'Sales, East',
    });
  });

  it('unknown manager', async () => {
    expect(await refused(file(...base, personLine({ id: 'c', manager: 'm9' })))).toEqual([
      'people.csv:5: manager_id: unknown manager "m9"; it must be the id of another row in this file',
    ]);
  });

  it('a cycle in the management chain, reported once on its first line', async () => {
    const lines = await refused(
      file(
        personLine({ id: 'x', manager: 'z' }),
        personLine({ id: 'y', manager: 'x' }),
        personLine({ id: 'z', manager: 'y' }),
        personLine({ id: 'w', manager: 'x' }),
      ),
    );
    expect(lines).toEqual([
      'people.csv:2: manager_id: the management chain loops: x → z → y → x; one of them needs a different manager_id',
    ]);
  });

  it('a person managing themselves', async () => {
    expect(await refused(file(personLine({ id: 'x', manager: 'x' })))).toEqual([
      'people.csv:2: manager_id: a person cannot be their own manager',
    ]);
  });

  it('duplicate ids and duplicate emails (ignoring case)', async () => {
    const lines = await refused(
      file(
        ...base,
        personLine({ id: 'a', email: 'other@example.com' }),
        personLine({ id: 'c', email: 'B@Example.com' }),
      ),
    );
    expect(lines).toEqual([
      'people.csv:5: id: duplicate id "a" (also on line 3); give each person a unique id',
      'people.csv:6: email: duplicate email "B@Example.com" (also on line 4); emails are compared without case',
    ]);
  });

  it('bad timezone, locale, role, date and wage; unknown job; missing name — all reported in one pass', async () => {
    const csv = [
      HEADER + ',monthly_wage',
      personLine({ id: 'm1', job: 'team-manager', tz: 'Mars/Olympus' }) + ',',
      personLine({ id: 'a', manager: 'm1', locale: 'fr' }) + ',',
      personLine({ id: 'b', manager: 'm1', role: 'boss' }) + ',',
      personLine({ id: 'c', manager: 'm1', job: 'astronaut' }) + ',',
      personLine({ id: 'd', manager: 'm1', hire: '2024-02-30' }) + ',lots',
      personLine({ id: 'e', manager: 'm1', name: '' }) + ',',
    ].join('\n');
    const lines = await refused(csv);
    expect(lines).toEqual([
      'people.csv:2: timezone: unknown timezone "Mars/Olympus"; use an IANA zone such as Asia/Shanghai or America/New_York',
      'people.csv:3: locale: unknown locale "fr"; use en or zh-CN, or leave it empty for the default',
      'people.csv:4: role: unknown role "boss"; use employee, hr or admin',
      'people.csv:5: job: unknown job "astronaut"; import it first with `jobs import` (known jobs: hr-partner, sales-rep, support-agent, team-manager, warehouse-picker)',
      'people.csv:6: hire_date: not a date: "2024-02-30"; use YYYY-MM-DD, e.g. 2024-03-01',
      'people.csv:6: monthly_wage: not a number: "lots"; use digits only, e.g. 12000',
      'people.csv:7: name: required; fill it in',
    ]);
  });

  it('a missing or misspelt column is named on line 1', async () => {
    const csv = file(...base).replace('timezone', 'time_zone');
    expect(await refused(csv)).toEqual([
      expect.stringMatching(/^people\.csv:1: timezone: missing column "timezone"; the header must include: id, name/),
      expect.stringMatching(/^people\.csv:1: time_zone: unknown column "time_zone"; remove it or check the spelling/),
    ]);
  });

  it('an unclosed quote is a CSV error with its line', async () => {
    expect(await refused(file(...base) + 'c,"Broken,c@example.com\n')).toEqual([
      expect.stringMatching(/^people\.csv:\d+: the file is not valid CSV: Quote Not Closed/),
    ]);
  });

  it('re-import updates people, deactivates the missing (never deletes) and audits each change with a diff', async () => {
    expect((await importOrg(file(...base))).ok).toBe(true);
    const before = counts(t.conn.sqlite);
    const r = await importOrg(
      file(personLine({ id: 'm1', job: 'team-manager' }), personLine({ id: 'a', manager: 'm1', dept: 'Marketing' })),
    );
    expect(r).toMatchObject({ ok: true, value: { created: 0, updated: 1, deactivated: 1, unchanged: 1 } });
    const after = counts(t.conn.sqlite);
    expect(after.people).toBe(3);
    expect(after.audit - before.audit).toBe(2);
    expect(t.store.tx((tx) => tx.org.person('b'))).toMatchObject({ active: false });
    expect(t.store.tx((tx) => tx.org.reportsOf('m1')).map((p) => p.id)).toEqual(['a']);
    const rows = t.conn.sqlite
      .prepare(`SELECT action, subject_id AS id, detail FROM audit_log ORDER BY audit_log.id DESC LIMIT 2`)
      .all() as { action: string; id: string; detail: string }[];
    expect(rows.map((x) => [x.action, x.id, JSON.parse(x.detail).changes])).toEqual([
      ['person.deactivated', 'b', { active: { from: true, to: false } }],
      ['person.updated', 'a', { department: { from: 'Sales', to: 'Marketing' } }],
    ]);

    // Coming back in a later file reactivates them.
    const back = await importOrg(file(...base));
    expect(back).toMatchObject({ ok: true, value: { updated: 2, deactivated: 0, unchanged: 1 } });
    expect(t.store.tx((tx) => tx.org.person('b'))).toMatchObject({ active: true });
  });

  it('two people can swap emails in one import', async () => {
    expect((await importOrg(file(...base))).ok).toBe(true);
    const r = await importOrg(
      file(
        personLine({ id: 'm1', job: 'team-manager' }),
        personLine({ id: 'a', manager: 'm1', email: 'b@example.com' }),
        personLine({ id: 'b', manager: 'm1', email: 'a@example.com' }),
      ),
    );
    expect(r).toMatchObject({ ok: true, value: { updated: 2, unchanged: 1 } });
    expect(t.store.tx((tx) => tx.org.personByEmail('a@example.com'))?.id).toBe('b');
    const changes = t.conn.sqlite
      .prepare(`SELECT detail FROM audit_log WHERE subject_id = 'a' ORDER BY audit_log.id DESC LIMIT 1`)
      .get() as { detail: string };
    expect(JSON.parse(changes.detail).changes).toEqual({ email: { from: 'a@example.com', to: 'b@example.com' } });
  });

  it('an email still held by someone left out of the file is refused', async () => {
    expect((await importOrg(file(...base))).ok).toBe(true);
    const lines = await refused(
      file(
        personLine({ id: 'm1', job: 'team-manager' }),
        personLine({ id: 'a', manager: 'm1' }),
        personLine({ id: 'b2', manager: 'm1', email: 'B@example.com' }),
      ),
    );
    expect(lines).toEqual([
      expect.stringMatching(/^people\.csv:4: email: email "B@example.com" belongs to b, who is not in this file/),
    ]);
  });

  it('a missing slack_id is resolved by email before writing; an id already known is not looked up again', async () => {
    const asked: string[] = [];
    const slack: LookupIdByEmail = async (email) => {
      asked.push(email);
      return email === 'a@example.com' ? 'UAAAA' : null;
    };
    const r = await importOrg(
      file(
        personLine({ id: 'm1', job: 'team-manager', slack: 'UMGR' }),
        personLine({ id: 'a', manager: 'm1' }),
        personLine({ id: 'b', manager: 'm1' }),
      ),
      { slack },
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        created: 3,
        resolved: { slack: 1, feishu: 0 },
        unresolved: [{ id: 'b', email: 'b@example.com', platform: 'slack' }],
      },
    });
    expect(asked).toEqual(['a@example.com', 'b@example.com']);
    expect(t.store.tx((tx) => tx.org.person('a'))?.slackId).toBe('UAAAA');
    expect(t.store.tx((tx) => tx.org.personBySlackId('UAAAA'))?.id).toBe('a');

    asked.length = 0;
    const again = await importOrg(
      file(
        personLine({ id: 'm1', job: 'team-manager', slack: 'UMGR' }),
        personLine({ id: 'a', manager: 'm1' }),
        personLine({ id: 'b', manager: 'm1' }),
      ),
      { slack },
    );
    expect(again).toMatchObject({ ok: true, value: { unchanged: 3 } });
    expect(asked).toEqual(['b@example.com']);
  });

  it('a file with errors makes no lookups', async () => {
    const asked: string[] = [];
    const r = await importOrg(file(personLine({ id: 'a', manager: 'zz' })), {
      slack: async (e) => (asked.push(e), 'U1'),
    });
    expect(r.ok).toBe(false);
    expect(asked).toEqual([]);
  });
});

describe('org import: the HR partner (issue 13 #8)', () => {
  const withPartner = (...lines: string[]) => [`${HEADER},hr_partner`, ...lines].join('\n') + '\n';

  it('stores each person’s HR partner, keeps it when the column is left out, and refuses a partner who is not HR', async () => {
    const ok = await importOrg(
      withPartner(
        `${personLine({ id: 'hrbp', role: 'hr', dept: 'HR', job: '' })},`,
        `${personLine({ id: 'm1', job: 'team-manager' })},hrbp`,
        `${personLine({ id: 'a', manager: 'm1' })},hrbp`,
      ),
    );
    expect(ok.ok).toBe(true);
    expect(t.store.tx((tx) => tx.org.person('a'))!.hrPartnerId).toBe('hrbp');
    // A later file without the column changes nothing about it.
    expect((await importOrg(file(personLine({ id: 'hrbp', role: 'hr', dept: 'HR', job: '' }), ...base))).ok).toBe(true);
    expect(t.store.tx((tx) => tx.org.person('a'))!.hrPartnerId).toBe('hrbp');

    expect(
      await refused(
        withPartner(
          `${personLine({ id: 'm1', job: 'team-manager' })},`,
          `${personLine({ id: 'a', manager: 'm1' })},m1`,
          `${personLine({ id: 'b', manager: 'm1' })},nobody`,
        ),
      ),
    ).toEqual([
      'people.csv:3: hr_partner: hr_partner "m1" must be the id of a row in this file whose role is hr or admin',
      'people.csv:4: hr_partner: hr_partner "nobody" must be the id of a row in this file whose role is hr or admin',
    ]);
  });
});

describe('org import: the columns the offboarding gate reads (issue 10 #13, #14)', () => {
  const withGateColumns = (...lines: string[]) =>
    [`${HEADER},monthly_wage,previous_month_wage,birth_date,retirement_basis`, ...lines].join('\n') + '\n';

  it('stores the previous month’s wage, the birth date and the retirement basis, and keeps them when the columns are left out', async () => {
    const r = await importOrg(
      withGateColumns(
        `${personLine({ id: 'm1', job: 'team-manager' })},20000,21000,1966-06-15,male_60`,
        `${personLine({ id: 'a', manager: 'm1' })},9000,,,`,
      ),
    );
    expect(r.ok).toBe(true);
    expect(t.store.tx((tx) => tx.org.person('m1'))).toMatchObject({
      monthlyWage: 20000,
      previousMonthWage: 21000,
      birthDate: '1966-06-15',
      retirementBasis: 'male_60',
    });
    expect(t.store.tx((tx) => tx.org.person('a'))).toMatchObject({
      previousMonthWage: null,
      birthDate: null,
      retirementBasis: null,
    });
    // A later file without the columns changes nothing about them.
    expect((await importOrg(file(personLine({ id: 'm1', job: 'team-manager' }), base[1]!))).ok).toBe(true);
    expect(t.store.tx((tx) => tx.org.person('m1'))).toMatchObject({
      previousMonthWage: 21000,
      birthDate: '1966-06-15',
      retirementBasis: 'male_60',
    });
  });

  it('refuses a wage that is not a number, a birth date that is not a date and an unknown retirement basis', async () => {
    expect(
      await refused(
        withGateColumns(
          `${personLine({ id: 'm1', job: 'team-manager' })},20000,a lot,1966-02-30,male_65`,
          `${personLine({ id: 'a', manager: 'm1' })},9000,-5,,`,
        ),
      ),
    ).toEqual([
      'people.csv:2: birth_date: not a date: "1966-02-30"; use YYYY-MM-DD, e.g. 2024-03-01',
      'people.csv:2: previous_month_wage: not a number: "a lot"; use digits only, e.g. 12000',
      'people.csv:2: retirement_basis: unknown retirement basis "male_65": use male_60, female_55, female_50 (the statutory retirement age before the 2025 reform: men 60, women in cadre posts 55, other women 50)',
      'people.csv:3: previous_month_wage: not a number: "-5"; use digits only, e.g. 12000',
    ]);
  });
});
