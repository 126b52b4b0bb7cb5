/**
 * Writing a validated people file. A 50,000-row file is written in short transactions (about
 * 50 ms each) with a pause between them, so the bot, which shares the database from another
 * process, gets the write lock in between and keeps answering (issue 12, item 4).
 *
 * A crash or kill between batches leaves the batches before it written, and nothing else: the
 * file can simply be imported again (every row is an upsert, and unchanged rows write nothing).
 * Deactivations come last, so an interrupted import never deactivates anyone.
 */
import type { Store, Tx } from '../../../ports/store.js';
import type { PersonRow } from './people-rows.js';
import type { Person, JobWithKpis } from '../../../ports/records.js';
import type { AppSettings } from '../../../ports/settings.js';
import { localeOf, tFor } from '../../shared/people.js';
import { outboxKeys } from '../../shared/outbox-keys.js';
import { buildKpiAckRequest } from '../../../ui/screens/review/kpi-ack.js';

export const AUDITED_FIELDS = [
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
  'previousMonthWage',
  'birthDate',
  'retirementBasis',
  'active',
] as const satisfies readonly (keyof Person)[];

export function diff(before: Person, after: Person): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of AUDITED_FIELDS) if (before[f] !== after[f]) changes[f] = { from: before[f], to: after[f] };
  return changes;
}

/**
 * How long one transaction may write, and the pause after it in which another process (the bot)
 * can take the write lock. The bot looks for the lock every few milliseconds (RETRY_MAX_WAIT_MS in
 * src/ports/store.ts), so a pause longer than that always lets it in.
 */
export interface BatchSizes {
  maxMs?: number;
  maxRows?: number;
  pauseMs?: number;
}
export const IMPORT_BATCH_MS = 50;
export const IMPORT_BATCH_MAX_ROWS = 2000;
export const IMPORT_PAUSE_MS = 5;

/**
 * Writes `items` in transactions of at most `maxMs` (or `maxRows`), pausing between them. `open`
 * is called once per transaction and returns the writer of one item (it may keep per-transaction
 * caches). Unchanged rows cost little, so a re-import of the same file takes few transactions.
 */
export async function inBatches<T>(
  store: Store,
  items: readonly T[],
  sizes: BatchSizes,
  open: (tx: Tx) => (item: T) => void,
): Promise<void> {
  const maxMs = sizes.maxMs ?? IMPORT_BATCH_MS;
  const maxRows = Math.max(1, sizes.maxRows ?? IMPORT_BATCH_MAX_ROWS);
  let next = 0;
  while (next < items.length) {
    if (next > 0) await new Promise((resolve) => setTimeout(resolve, sizes.pauseMs ?? IMPORT_PAUSE_MS));
    store.tx((tx) => {
      const write = open(tx);
      const started = performance.now();
      let i = next;
      do write(items[i++]!);
      while (i < items.length && i - next < maxRows && performance.now() - started < maxMs);
      next = i; // only once the transaction's work is done (a throw rolls it back and ends the import)
    });
  }
}

/** One row of the file to write. */
export interface PersonWrite {
  row: PersonRow['person'];
  /** Their email before the import, when it was parked on a placeholder to free it (see import-org.ts). */
  emailBefore?: string;
}

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
  askedToAcknowledgeKpis: number;
}

export interface PeopleWriteContext {
  settings: AppSettings;
  actorId: string | null;
  counts: WriteCounts;
  /** Chat ids found by email for people the file gives none (person id → id). */
  found: Record<'slack' | 'feishu', ReadonlyMap<string, string>>;
}

/** The person as the file says, over what is stored, with the ids we already know kept. */
function nextPerson(row: PersonWrite['row'], old: Person | null, found: PeopleWriteContext['found']): Person {
  return {
    // Fields the file does not carry (set elsewhere, e.g. a birth date for retirement rules) stay.
    ...(old ?? {}),
    ...row,
    // An empty cell keeps an id we already know (from an earlier file or lookup).
    slackId: row.slackId ?? old?.slackId ?? found.slack.get(row.id) ?? null,
    feishuOpenId: row.feishuOpenId ?? old?.feishuOpenId ?? found.feishu.get(row.id) ?? null,
    monthlyWage: row.monthlyWage === undefined ? (old?.monthlyWage ?? null) : row.monthlyWage,
    hrPartnerId: row.hrPartnerId === undefined ? (old?.hrPartnerId ?? null) : row.hrPartnerId,
    previousMonthWage: row.previousMonthWage === undefined ? (old?.previousMonthWage ?? null) : row.previousMonthWage,
    birthDate: row.birthDate === undefined ? (old?.birthDate ?? null) : row.birthDate,
    retirementBasis: row.retirementBasis === undefined ? (old?.retirementBasis ?? null) : row.retirementBasis,
    active: true,
  };
}

/**
 * The writer of one transaction's people: creates or updates each, every change audited with its
 * field diff. The current row is read inside the transaction, so an id the bot filled in meanwhile
 * is kept.
 */
export function openPeopleWriter(tx: Tx, ctx: PeopleWriteContext): (w: PersonWrite) => void {
  const jobs = new Map<string, JobWithKpis | null>();
  const jobOf = (id: string) => {
    if (!jobs.has(id)) jobs.set(id, tx.org.jobWithKpis(id));
    return jobs.get(id)!;
  };
  const audit = (action: string, id: string, detail: Record<string, unknown>) =>
    tx.audit.record({
      actorId: ctx.actorId,
      action,
      subjectType: 'person',
      subjectId: id,
      detail: { source: 'org import', ...detail },
    });
  // The law wants targets the employee knew in advance: a new holder of a job is asked to
  // acknowledge its current KPIs (same key as notifyKpiChange, so nobody is asked twice).
  const askAboutKpis = (p: Person) => {
    const job = p.jobId ? jobOf(p.jobId) : null;
    if (!job || job.kpiVersion === 0) return;
    const posted = tx.outbox.post({
      key: outboxKeys.kpiAck(job.id, job.kpiVersion, p.id),
      to: { person: p.id },
      locale: localeOf(p, ctx.settings),
      message: buildKpiAckRequest(tFor(p, ctx.settings), {
        jobId: job.id,
        jobTitle: job.title,
        version: job.kpiVersion,
        kpis: job.kpis,
      }),
    });
    if (posted) ctx.counts.askedToAcknowledgeKpis++;
  };
  return (w) => {
    const old = tx.org.person(w.row.id);
    const next = nextPerson(w.row, old, ctx.found);
    if (!old) {
      tx.org.upsertPerson(next);
      audit('person.created', next.id, { person: next });
      askAboutKpis(next);
      ctx.counts.created++;
      return;
    }
    // A parked email is an artefact of this import: the change is from the email they had.
    const changes = diff(w.emailBefore ? { ...old, email: w.emailBefore } : old, next);
    if (Object.keys(changes).length === 0) {
      ctx.counts.unchanged++;
      return;
    }
    tx.org.upsertPerson(next);
    audit('person.updated', next.id, { changes });
    if (changes.jobId || changes.active) askAboutKpis(next);
    ctx.counts.updated++;
  };
}
