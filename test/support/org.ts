/**
 * Seeds an organisation through the real repositories (no SQL), for use-case and adapter tests.
 *
 *   const db = makeTestDb();
 *   const org = seedTeams(db.store, { managers: 3, reportsPerManager: 3 });
 *   // org.hr, org.managers[i], org.reports[i] (reports of manager i), org.jobId ('engineer')
 *   const settings = testSettings({ timezone: 'America/New_York' });
 *
 * Or build your own with `seedOrg(store, { jobs: [...], people: [...] })`; `person({...})` fills in
 * defaults. Every person gets a Slack id (`U<id>`) so the default test outbox (platform slack)
 * writes a row for them. Seeding writes no audit or outbox rows: counts start at zero.
 */
import type { Store } from '../../src/ports/store.js';
import type { Person, Kpi } from '../../src/ports/records.js';
import type { AppSettings } from '../../src/ports/settings.js';
import type { Schedule } from '../../src/domain/schedule.js';
import type { ReminderStep } from '../../src/config.js';
import { parseFileConfig } from '../../src/config-yaml.js';
import { HR_LOCAL_CHANNEL } from '../../src/ports/settings.js';

/** Two KPIs, one of each direction: tickets ≥ 40 per week, response time ≤ 4 h. */
export const DEFAULT_KPIS: Kpi[] = [
  { key: 'tickets', name: 'Tickets closed', unit: 'per week', target: 40, direction: 'higher' },
  { key: 'response', name: 'First response', unit: 'h', target: 4, direction: 'lower' },
];

export interface SeedJob {
  id: string;
  title?: string;
  /** Omit or [] for a job with no KPIs yet (kpiVersion 0). */
  kpis?: Kpi[];
}

/** A person with defaults: department 'eng', job 'engineer', role employee, Slack id `U<id>`. */
export function person(p: Partial<Person> & { id: string }): Person {
  return {
    name: `Person ${p.id}`,
    email: `${p.id}@example.com`,
    managerId: null,
    department: 'eng',
    jobId: 'engineer',
    role: 'employee',
    slackId: `U${p.id.toUpperCase()}`,
    feishuOpenId: null,
    locale: null,
    timezone: null,
    hireDate: '2024-01-15',
    teamChannelSlack: null,
    teamChannelFeishu: null,
    monthlyWage: null,
    active: true,
    ...p,
  };
}

/** Writes jobs (with their KPIs as version 1) and then people, in one transaction. */
export function seedOrg(
  store: Store,
  spec: { jobs?: SeedJob[]; people: (Partial<Person> & { id: string })[] },
): Person[] {
  return store.tx((tx) => {
    for (const j of spec.jobs ?? [{ id: 'engineer', kpis: DEFAULT_KPIS }]) {
      tx.org.upsertJob({ id: j.id, title: j.title ?? `Job ${j.id}`, duties: '', requirements: '' });
      if (j.kpis?.length) tx.org.replaceKpis(j.id, j.kpis);
    }
    const people = spec.people.map(person);
    for (const p of people) tx.org.upsertPerson(p);
    return people;
  });
}

export interface SeededTeams {
  hr: Person;
  /** m1, m2, … */
  managers: Person[];
  /** reports[i] are the reports of managers[i]: m1r1, m1r2, … named "Alice m1r1"… for sorting. */
  reports: Person[][];
  jobId: string;
}

/**
 * `managers` managers (optionally reporting to a director `dir`), each with `reportsPerManager` reports, all in
 * one department and job, plus an HR person `hr`. Team channel (Slack) is `C<manager id>` unless
 * `teamChannels: false`.
 */
export function seedTeams(
  store: Store,
  o: {
    managers?: number;
    reportsPerManager?: number;
    department?: string;
    timezone?: string | null;
    locale?: Person['locale'];
    jobId?: string;
    kpis?: Kpi[];
    teamChannels?: boolean;
    /** Give the managers a manager (`dir`, the skip level for escalations). Off by default, so a
     * 3×3 org has exactly 3 managers with reports. */
    withDirector?: boolean;
  } = {},
): SeededTeams {
  const jobId = o.jobId ?? 'engineer';
  const common = { department: o.department ?? 'eng', timezone: o.timezone ?? null, locale: o.locale ?? null, jobId };
  const names = ['Alice', 'Bob', 'Chen', 'Dana', 'Eve', 'Farid', 'Gita', 'Hugo', 'Ines', 'Jun'];
  const hr = person({ id: 'hr', name: 'Hana HR', role: 'hr', ...common, jobId: null });
  const dir = person({ id: 'dir', name: 'Dora Director', ...common });
  const managers: Person[] = [];
  const reports: Person[][] = [];
  for (let m = 1; m <= (o.managers ?? 3); m++) {
    const manager = person({ id: `m${m}`, name: `Manager ${m}`, managerId: o.withDirector ? dir.id : null, ...common });
    managers.push(manager);
    reports.push(
      Array.from({ length: o.reportsPerManager ?? 3 }, (_, r) =>
        person({
          id: `m${m}r${r + 1}`,
          name: `${names[r % names.length]} ${m}.${r + 1}`,
          managerId: manager.id,
          teamChannelSlack: o.teamChannels === false ? null : `C${manager.id.toUpperCase()}`,
          ...common,
        }),
      ),
    );
  }
  seedOrg(store, {
    jobs: [{ id: jobId, title: 'Engineer', kpis: o.kpis ?? DEFAULT_KPIS }],
    people: [hr, ...(o.withDirector ? [dir] : []), ...managers, ...reports.flat()],
  });
  return { hr, managers, reports, jobId };
}

/** AppSettings as the default dandang.yml gives them, with overrides. */
export function testSettings(
  o: Partial<Pick<AppSettings, 'timezone' | 'locale' | 'holidays' | 'digestAfter'>> & {
    schedule?: Partial<Schedule>;
    reminders?: ReminderStep[];
  } = {},
): AppSettings {
  const f = parseFileConfig('');
  const schedule = { ...f.schedule.default, ...(o.schedule ?? {}) };
  return {
    timezone: o.timezone ?? f.timezone,
    locale: o.locale ?? f.locale ?? 'en',
    holidays: o.holidays ?? f.holidays,
    hrChannel: { slack: 'CHR', feishu: null, local: HR_LOCAL_CHANNEL },
    scheduleFor: () => schedule,
    reminders: o.reminders ?? f.reminders,
    digestAfter: o.digestAfter ?? f.digest.after,
    policy: { preset: f.policy.preset, overrides: f.policy.overrides },
    severance: f.severance,
  };
}
