/**
 * Retention (docs/security.md): a terminated employee's records are kept for the policy's period
 * after they left (cn-art40: 2 years, Labor Contract Law Art. 50), then their personal content is
 * deleted, keeping the hashes, ids and dates the audit chain needs. Run daily by the scheduler and by
 * `npm run dandang -- retention run`; each person erased is one audited transaction. Someone with a
 * case still open is held, whatever the date.
 */
import { ok, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { DAY_MS, addMonths, dateIn } from '../../domain/dates.js';
import { currentPolicy } from '../offboarding/policy.js';

export interface RetentionReport {
  years: number;
  /** The law the period rests on, when it is statutory. */
  statutory: string | null;
  /** Erased now (or, in a dry run, due to be). */
  erased: { personId: string; leftOn: string; keptUntil: string; rows: Record<string, number> }[];
  /** Stored files of the erased records: the caller removes the bytes no other record holds (FileStore I/O). */
  files: string[];
  /** Past the period but with a case still open: kept. */
  held: { personId: string; caseIds: number[] }[];
}

export interface RunRetentionInput {
  /** Who runs it: null for the scheduler and the CLI operator. */
  actorId: string | null;
  /** List who is due without deleting anything. */
  dryRun?: boolean;
}

export const makeRunRetention =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: RunRetentionInput): Result<RetentionReport> => {
    const { yearsAfterTermination: years, statutory } = currentPolicy(settings).retention;
    const now = clock.now();
    const today = dateIn(now, settings.timezone);
    const report: RetentionReport = { years, statutory: statutory ?? null, erased: [], held: [], files: [] };
    // 365 days a year is never later than the calendar anniversary: a superset, checked exactly below.
    for (const c of store.read((tx) => tx.retention.candidates(now - years * 365 * DAY_MS))) {
      const leftOn = dateIn(c.inactiveSince, settings.timezone);
      const keptUntil = addMonths(leftOn, 12 * years);
      if (keptUntil > today) continue;
      // One short transaction per person, re-checked inside it: they may have been re-hired meanwhile.
      store.tx((tx) => {
        const person = tx.org.person(c.personId);
        if (!person || person.active) return;
        const open = tx.cases.open(person.id);
        if (open.length) {
          report.held.push({ personId: person.id, caseIds: open.map((x) => x.id) });
          return;
        }
        if (input.dryRun) {
          report.erased.push({ personId: person.id, leftOn, keptUntil, rows: {} });
          return;
        }
        const summary = tx.retention.erase(person.id, now);
        tx.audit.record({
          actorId: input.actorId,
          action: 'retention.erase',
          subjectType: 'person',
          subjectId: person.id,
          detail: {
            leftOn,
            keptUntil,
            years,
            statutory: statutory ?? null,
            rows: summary.rows,
            digest: summary.digest,
          },
        });
        report.erased.push({ personId: person.id, leftOn, keptUntil, rows: summary.rows });
        report.files.push(...summary.files);
      });
    }
    return ok(report);
  };
