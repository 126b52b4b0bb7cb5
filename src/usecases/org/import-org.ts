/**
 * `org import people.csv`: creates and updates people from HR's file. Validates the whole file
 * first and writes nothing if anything is wrong; people missing from the file become inactive
 * (never deleted, their history stays), unless that would be a mass deactivation (see
 * ./import/deactivation-guard.ts); every change is one audit row with a field diff. The writes go in
 * short transactions so the bot keeps answering meanwhile (./import/apply-people.ts).
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Locale } from '../../ports/records.js';
import type { RosterEntry } from '../../ports/repos/org.js';
import { translator, type T } from '../../ui/i18n/index.js';
import { ok, type Failure, type Result } from '../result.js';
import { parseCsv, type CsvRecord } from './import/csv.js';
import { byLine, invalid } from './import/issues.js';
import { PEOPLE_COLUMNS, checkOrg, toPersonRows, type PersonRow } from './import/people-rows.js';
import { inBatches, openPeopleWriter, type BatchSizes, type PersonWrite } from './import/apply-people.js';
import {
  checkDeactivations,
  massDeactivationRefused,
  DEFAULT_MAX_DEACTIVATION_SHARE,
} from './import/deactivation-guard.js';
import { lookUpChatIds, type ChatIdsFound, type LookupIdsByEmail } from './import/chat-id-lookups.js';

export { oneEmailAtATime, type LookupIdByEmail, type LookupIdsByEmail } from './import/chat-id-lookups.js';

/**
 * The use cases' deps plus the chat-id lookups. The lookups are network calls, which is why this is
 * the one org use case that returns a Promise: they run before the write transaction, never inside it.
 */
export interface ImportOrgDeps extends UseCaseDeps {
  /** Rows per transaction and the pause between them (tests, the bench); production uses the defaults. */
  batch?: BatchSizes;
  /** Resolves missing slack_ids (Slack `users.lookupByEmail`); absent when Slack is not configured. */
  lookupSlackIdsByEmail?: LookupIdsByEmail;
  /** Resolves missing feishu_open_ids (Feishu contact API, 50 per call); absent when Feishu is not configured. */
  lookupFeishuIdsByEmail?: LookupIdsByEmail;
}

export interface ImportOrgInput {
  csv: string;
  actorId?: string | null;
  /** Deactivate people missing from the file even past `maxDeactivationShare` or every HR and admin. */
  allowMassDeactivation?: boolean;
  /** Language of the error messages; defaults to the configured locale. */
  locale?: Locale;
}

export interface ImportOrgReport {
  created: number;
  updated: number;
  deactivated: number;
  unchanged: number;
  /** Active people before the import (what `deactivated` is a share of). */
  activeBefore: number;
  /** The import went past the mass-deactivation safeguard because it was allowed to. */
  massDeactivation: boolean;
  /** Chat ids found by email during this import. */
  resolved: { slack: number; feishu: number };
  /** New holders of a job with KPIs (created, or moved to another job) asked to acknowledge them. */
  askedToAcknowledgeKpis: number;
  /** People still without an id on a configured platform (they get no DMs there until fixed). */
  unresolved: { id: string; email: string; platform: 'slack' | 'feishu'; reason: string }[];
}

/** What is left to write once the file passed every check; the rest of the parse can be let go. */
interface ImportPlan {
  writes: PersonWrite[];
  /** People whose email moves to someone else in this file: parked first, to free it. */
  renamed: string[];
  toDeactivate: string[];
  chatIds: ChatIdsFound;
  activeBefore: number;
  massDeactivation: boolean;
}

export const makeImportOrg =
  (deps: ImportOrgDeps) =>
  async (input: ImportOrgInput): Promise<Result<ImportOrgReport>> => {
    const t = translator(input.locale ?? deps.settings.locale);
    const plan = await planImport(deps, input, t);
    if (!plan.ok) return plan;
    const { writes, renamed, toDeactivate, chatIds } = plan.value;
    const report: ImportOrgReport = {
      created: 0,
      updated: 0,
      deactivated: 0,
      unchanged: 0,
      activeBefore: plan.value.activeBefore,
      massDeactivation: plan.value.massDeactivation,
      resolved: { slack: chatIds.found.slack.size, feishu: chatIds.found.feishu.size },
      askedToAcknowledgeKpis: 0,
      unresolved: chatIds.unresolved,
    };
    const actorId = input.actorId ?? null;
    const sizes = deps.batch ?? {};
    // Emails are unique in the table: when people swap or pass on an email within one file, park
    // the changing ones on a placeholder first so the final state can be written in any order.
    await inBatches(deps.store, renamed, sizes, (tx) => (id) => {
      const old = tx.org.person(id);
      if (old) tx.org.upsertPerson({ ...old, email: `${old.id}@renaming.invalid` });
    });
    const context = { settings: deps.settings, actorId, counts: report, found: chatIds.found };
    await inBatches(deps.store, writes, sizes, (tx) => openPeopleWriter(tx, context));
    // Last, so an import stopped part-way never deactivates anyone.
    await inBatches(deps.store, toDeactivate, sizes, (tx) => (id) => {
      if (!tx.org.person(id)?.active) return;
      tx.org.setActive(id, false);
      tx.audit.record({
        actorId,
        action: 'person.deactivated',
        subjectType: 'person',
        subjectId: id,
        detail: { source: 'org import', changes: { active: { from: true, to: false } } },
      });
      report.deactivated++;
    });
    return ok(report);
  };

/**
 * Parses and checks the file, looks up missing chat ids, and applies the mass-deactivation
 * safeguard. Returns only what the writes need, so a 50,000-row file's parse, its records and the
 * snapshot of everyone stored are garbage before the first write.
 */
async function planImport(deps: ImportOrgDeps, input: ImportOrgInput, t: T): Promise<Result<ImportPlan>> {
  const { records, header, issues: csvIssues } = parseCsv(input.csv, PEOPLE_COLUMNS, t);
  if (csvIssues.length) return invalid(csvIssues, t);
  const optional: ReadonlySet<string> = new Set(header);
  let checked = checkFile(deps, records, optional, t);
  if (!checked.ok) return checked;
  const chatIds = await lookUpChatIds(checked.rows, checked.known, {
    slack: deps.lookupSlackIdsByEmail,
    feishu: deps.lookupFeishuIdsByEmail,
  });
  // The lookups took a while: check the file again against what the database holds now.
  if (chatIds.asked) {
    checked = checkFile(deps, records, optional, t);
    if (!checked.ok) return checked;
  }
  const { rows, known } = checked;

  // An empty or truncated export would switch the organisation off: refuse it unless told otherwise.
  const maxShare = deps.settings.maxDeactivationShare ?? DEFAULT_MAX_DEACTIVATION_SHARE;
  const check = checkDeactivations([...known.values()], new Map(rows.map((r) => [r.person.id, r.person])), maxShare);
  const massDeactivation = !!(check.overShare || check.hrLost);
  if (massDeactivation && !input.allowMassDeactivation) return massDeactivationRefused(check, maxShare, t);

  const renamed: string[] = [];
  const writes = rows.map(({ person: row }): PersonWrite => {
    const old = known.get(row.id);
    if (!old || old.email.toLowerCase() === row.email.toLowerCase()) return { row };
    renamed.push(row.id);
    return { row, emailBefore: old.email };
  });
  return ok({
    writes,
    renamed,
    toDeactivate: check.toDeactivate.map((p) => p.id),
    chatIds,
    activeBefore: check.activeBefore,
    massDeactivation,
  });
}

/** The file's rows checked against the jobs and people stored now; every problem, by line. */
function checkFile(
  deps: ImportOrgDeps,
  records: CsvRecord[],
  /** Which optional columns the file has. */
  optional: ReadonlySet<string>,
  t: T,
): { ok: true; rows: PersonRow[]; known: Map<string, RosterEntry> } | Failure {
  const { jobIds, existing } = deps.store.read((tx) => ({
    jobIds: new Set(tx.org.allJobs().map((j) => j.id)),
    existing: tx.org.roster(),
  }));
  const { rows, issues } = toPersonRows(records, optional, jobIds, t);
  const all = [...issues, ...checkOrg(rows, existing, t)].sort(byLine);
  if (all.length) return invalid(all, t);
  return { ok: true, rows, known: new Map(existing.map((p) => [p.id, p])) };
}
