import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { parseFileConfig } from '../../../src/config-yaml.js';
import { HR_LOCAL_CHANNEL, type AppSettings } from '../../../src/ports/settings.js';

/** Settings as a default dandang.yml would give them. */
export function defaultSettings(): AppSettings {
  const f = parseFileConfig('');
  return {
    timezone: f.timezone,
    locale: f.locale ?? 'en',
    holidays: f.holidays,
    hrChannel: { slack: null, feishu: null, local: HR_LOCAL_CHANNEL },
    scheduleFor: () => f.schedule.default,
    reminders: f.reminders,
    digestAfter: f.digest.after,
    policy: { preset: f.policy.preset, overrides: f.policy.overrides },
    severance: f.severance,
  };
}

export const example = (name: string) => readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');

/** Row counts a user would notice changing: people, jobs, KPIs, leaves and audit rows. */
export function counts(sqlite: Database.Database) {
  const n = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { people: n('people'), jobs: n('jobs'), kpis: n('kpis'), leaves: n('leaves'), audit: n('audit_log') };
}

export const HEADER =
  'id,name,email,manager_id,department,job,role,slack_id,feishu_open_id,locale,timezone,hire_date,team_channel_slack,team_channel_feishu';

/** One people.csv line from the fields that matter in a test; the rest take sensible values. */
export function personLine(p: {
  id: string;
  manager?: string;
  email?: string;
  job?: string;
  role?: string;
  slack?: string;
  locale?: string;
  tz?: string;
  hire?: string;
  dept?: string;
  name?: string;
}): string {
  return [
    p.id,
    p.name ?? `Person ${p.id}`,
    p.email ?? `${p.id}@example.com`,
    p.manager ?? '',
    p.dept ?? 'Sales',
    p.job ?? 'sales-rep',
    p.role ?? 'employee',
    p.slack ?? '',
    '',
    p.locale ?? 'en',
    p.tz ?? 'Asia/Shanghai',
    p.hire ?? '2024-01-15',
    '',
    '',
  ].join(',');
}
