/**
 * `org import people.csv`: creates and updates people from HR's file. Validates the whole file
 * first and writes nothing if anything is wrong; people missing from the file become inactive
 * (never deleted, their history stays); every change is one audit row with a field diff.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Locale, Person } from '../../ports/records.js';
import { translator } from '../../ui/i18n/index.js';
import { ok, type Result } from '../result.js';
import { parseCsv } from './import/csv.js';
import { byLine, invalid } from './import/issues.js';
import { PEOPLE_COLUMNS, checkOrg, toPersonRows, type PersonRow } from './import/people-rows.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { buildKpiAckRequest } from '../../ui/screens/review/kpi-ack.js';

export type LookupIdByEmail = (email: string) => Promise<string | null>;

/**
 * The use cases' deps plus the chat-id lookups. The lookups are network calls, which is why this is
 * the one org use case that returns a Promise: they run before the write transaction, never inside it.
 */
export interface ImportOrgDeps extends UseCaseDeps {
  /** Resolves a missing slack_id (Slack `users.lookupByEmail`); absent when Slack is not configured. */
  lookupSlackIdByEmail?: LookupIdByEmail;
  /** Resolves a missing feishu_open_id (Feishu contact API); absent when Feishu is not configured. */
  lookupFeishuIdByEmail?: LookupIdByEmail;
}

export interface ImportOrgInput {
  csv: string;
  actorId?: string | null;
  /** Language of the error messages; defaults to the configured locale. */
  locale?: Locale;
}

export interface ImportOrgReport {
  created: number;
  updated: number;
  deactivated: number;
  unchanged: number;
  /** Chat ids found by email during this import. */
  resolved: { slack: number; feishu: number };
  /** New holders of a job with KPIs (created, or moved to another job) asked to acknowledge them. */
  askedToAcknowledgeKpis: number;
  /** People still without an id on a configured platform (they get no DMs there until fixed). */
  unresolved: { id: string; email: string; platform: 'slack' | 'feishu'; reason: string }[];
}

const AUDITED_FIELDS = [
  'name',
  'email',
  'managerId',
  'department',
  'jobId',
  'role',
  'slackId',
  'feishuOpenId',
  'locale',
  'timezone',
  'hireDate',
  'teamChannelSlack',
  'teamChannelFeishu',
  'monthlyWage',
  'active',
] as const satisfies readonly (keyof Person)[];

function diff(before: Person, after: Person): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of AUDITED_FIELDS) if (before[f] !== after[f]) changes[f] = { from: before[f], to: after[f] };
  return changes;
}

export const makeImportOrg =
  (deps: ImportOrgDeps) =>
  async (input: ImportOrgInput): Promise<Result<ImportOrgReport>> => {
    const t = translator(input.locale ?? deps.settings.locale);
    const { records, header, issues: csvIssues } = parseCsv(input.csv, PEOPLE_COLUMNS, t);
    if (csvIssues.length) return invalid(csvIssues, t);

    const validate = (jobIds: Set<string>, existing: Person[]) => {
      const { rows, issues } = toPersonRows(records, header.includes('monthly_wage'), jobIds, t);
      return { rows, issues: [...issues, ...checkOrg(rows, existing, t)].sort(byLine) };
    };
    const snapshot = () =>
      deps.store.tx((tx) => ({ jobIds: new Set(tx.org.allJobs().map((j) => j.id)), existing: tx.org.allPeople() }));

    const before = snapshot();
    const first = validate(before.jobIds, before.existing);
    if (first.issues.length) return invalid(first.issues, t);

    // Chat ids are looked up before the transaction: network calls must not hold the write lock.
    const report: ImportOrgReport = {
      created: 0,
      updated: 0,
      deactivated: 0,
      unchanged: 0,
      resolved: { slack: 0, feishu: 0 },
      askedToAcknowledgeKpis: 0,
      unresolved: [],
    };
    const known = new Map(before.existing.map((p) => [p.id, p]));
    const found = { slack: new Map<string, string>(), feishu: new Map<string, string>() };
    const resolve = async (
      platform: 'slack' | 'feishu',
      lookup: LookupIdByEmail | undefined,
      row: PersonRow,
      current: string | null | undefined,
    ) => {
      if (!lookup || current) return;
      try {
        const id = await lookup(row.person.email);
        if (id) {
          found[platform].set(row.person.id, id);
          report.resolved[platform]++;
        } else
          report.unresolved.push({
            id: row.person.id,
            email: row.person.email,
            platform,
            reason: 'no account with this email',
          });
      } catch (e) {
        report.unresolved.push({ id: row.person.id, email: row.person.email, platform, reason: (e as Error).message });
      }
    };
    for (const row of first.rows) {
      const old = known.get(row.person.id);
      await resolve('slack', deps.lookupSlackIdByEmail, row, row.person.slackId ?? old?.slackId);
      await resolve('feishu', deps.lookupFeishuIdByEmail, row, row.person.feishuOpenId ?? old?.feishuOpenId);
    }

    return deps.store.tx((tx) => {
      // Re-check inside the write lock: jobs or people may have changed during the lookups.
      const existing = tx.org.allPeople();
      const again = validate(new Set(tx.org.allJobs().map((j) => j.id)), existing);
      if (again.issues.length) return invalid(again.issues, t);
      const current = new Map(existing.map((p) => [p.id, p]));
      const audit = (action: string, id: string, detail: Record<string, unknown>) =>
        tx.audit.record({
          actorId: input.actorId ?? null,
          action,
          subjectType: 'person',
          subjectId: id,
          detail: { source: 'org import', ...detail },
        });

      // Emails are unique in the table: when people swap or pass on an email within one file, park
      // the changing ones on a placeholder first so the final state can be written in any order.
      for (const { person: row } of again.rows) {
        const old = current.get(row.id);
        if (old && old.email.toLowerCase() !== row.email.toLowerCase())
          tx.org.upsertPerson({ ...old, email: `${old.id}@renaming.invalid` });
      }
      for (const { person: row } of again.rows) {
        const old = current.get(row.id);
        const next: Person = {
          ...row,
          // An empty cell keeps an id we already know (from an earlier file or lookup).
          slackId: row.slackId ?? old?.slackId ?? found.slack.get(row.id) ?? null,
          feishuOpenId: row.feishuOpenId ?? old?.feishuOpenId ?? found.feishu.get(row.id) ?? null,
          monthlyWage: row.monthlyWage === undefined ? (old?.monthlyWage ?? null) : row.monthlyWage,
          active: true,
        };
        // The law wants targets the employee knew in advance: a new holder of a job is asked to
        // acknowledge its current KPIs (same key as notifyKpiChange, so nobody is asked twice).
        const askAboutKpis = () => {
          const job = next.jobId ? tx.org.jobWithKpis(next.jobId) : null;
          if (!job || job.kpiVersion === 0) return;
          const posted = tx.outbox.post({
            key: outboxKeys.kpiAck(job.id, job.kpiVersion, next.id),
            to: { person: next.id },
            locale: localeOf(next, deps.settings),
            message: buildKpiAckRequest(tFor(next, deps.settings), {
              jobId: job.id,
              jobTitle: job.title,
              version: job.kpiVersion,
              kpis: job.kpis,
            }),
          });
          if (posted) report.askedToAcknowledgeKpis++;
        };
        if (!old) {
          tx.org.upsertPerson(next);
          audit('person.created', next.id, { person: next });
          askAboutKpis();
          report.created++;
          continue;
        }
        const changes = diff(old, next);
        if (Object.keys(changes).length === 0) {
          report.unchanged++;
          continue;
        }
        tx.org.upsertPerson(next);
        audit('person.updated', next.id, { changes });
        if (changes.jobId || changes.active) askAboutKpis();
        report.updated++;
      }
      const inFile = new Set(again.rows.map((r) => r.person.id));
      for (const p of existing) {
        if (!p.active || inFile.has(p.id)) continue;
        tx.org.setActive(p.id, false);
        audit('person.deactivated', p.id, { changes: { active: { from: true, to: false } } });
        report.deactivated++;
      }
      return ok(report);
    });
  };
