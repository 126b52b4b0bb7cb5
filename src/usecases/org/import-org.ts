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

/** One email → chat id; null when the platform has no account with that email. */
export type LookupIdByEmail = (email: string) => Promise<string | null>;

/**
 * Many emails → chat ids, in as few calls as the platform allows. `found` and `failed` are keyed by
 * lower-cased email; an email in neither has no account. A rejection fails every email asked.
 */
export type LookupIdsByEmail = (
  emails: string[],
) => Promise<{ found: Map<string, string>; failed: Map<string, string> }>;

/** For a platform with no batch lookup (Slack's users.lookupByEmail): one call per email, in order. */
export function oneEmailAtATime(lookup: LookupIdByEmail): LookupIdsByEmail {
  return async (emails) => {
    const found = new Map<string, string>();
    const failed = new Map<string, string>();
    for (const email of emails) {
      try {
        const id = await lookup(email);
        if (id) found.set(email.toLowerCase(), id);
      } catch (e) {
        failed.set(email.toLowerCase(), (e as Error).message);
      }
    }
    return { found, failed };
  };
}

/**
 * The use cases' deps plus the chat-id lookups. The lookups are network calls, which is why this is
 * the one org use case that returns a Promise: they run before the write transaction, never inside it.
 */
export interface ImportOrgDeps extends UseCaseDeps {
  /** Resolves missing slack_ids (Slack `users.lookupByEmail`); absent when Slack is not configured. */
  lookupSlackIdsByEmail?: LookupIdsByEmail;
  /** Resolves missing feishu_open_ids (Feishu contact API, 50 per call); absent when Feishu is not configured. */
  lookupFeishuIdsByEmail?: LookupIdsByEmail;
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
  'hrPartnerId',
  'active',
] as const satisfies readonly (keyof Person)[];

const PLATFORMS = ['slack', 'feishu'] as const;

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
      const { rows, issues } = toPersonRows(
        records,
        { wage: header.includes('monthly_wage'), hrPartner: header.includes('hr_partner') },
        jobIds,
        t,
      );
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
    const lookups = {
      slack: {
        lookup: deps.lookupSlackIdsByEmail,
        known: (r: PersonRow) => r.person.slackId ?? known.get(r.person.id)?.slackId,
      },
      feishu: {
        lookup: deps.lookupFeishuIdsByEmail,
        known: (r: PersonRow) => r.person.feishuOpenId ?? known.get(r.person.id)?.feishuOpenId,
      },
    };
    // Person id → the chat id found, or why none was.
    const found = { slack: new Map<string, string>(), feishu: new Map<string, string>() };
    const notFound = { slack: new Map<string, string>(), feishu: new Map<string, string>() };
    for (const platform of PLATFORMS) {
      const { lookup, known: alreadyKnown } = lookups[platform];
      const rows = first.rows.filter((r) => !alreadyKnown(r));
      if (!lookup || !rows.length) continue;
      // One request for the whole file: the lookup batches as far as its platform allows.
      const emails = rows.map((r) => r.person.email);
      const answer = await lookup(emails).catch((e: unknown) => ({
        found: new Map<string, string>(),
        failed: new Map(emails.map((email) => [email.toLowerCase(), (e as Error).message])),
      }));
      for (const { person } of rows) {
        const email = person.email.toLowerCase();
        const id = answer.found.get(email);
        if (id) found[platform].set(person.id, id);
        else notFound[platform].set(person.id, answer.failed.get(email) ?? 'no account with this email');
      }
      report.resolved[platform] = found[platform].size;
    }
    for (const { person } of first.rows)
      for (const platform of PLATFORMS) {
        const reason = notFound[platform].get(person.id);
        if (reason) report.unresolved.push({ id: person.id, email: person.email, platform, reason });
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
          hrPartnerId: row.hrPartnerId === undefined ? (old?.hrPartnerId ?? null) : row.hrPartnerId,
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
