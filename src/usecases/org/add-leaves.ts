/**
 * Records leave (`leave import leaves.csv` or `leave add <person> <from> <to> [reason]`). The
 * schedule tick asks `OrgRepo.onLeave(person, date)` and skips people on leave, so this is only
 * the record. A leave that is already fully recorded is skipped, so re-importing the
 * same list is harmless. All rows are validated before any is written; each new leave is audited.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Locale } from '../../ports/records.js';
import { translator } from '../../ui/i18n/index.js';
import { ok, type Result } from '../result.js';
import { parseLeaveKind } from '../../domain/warning/leave-kinds.js';
import { parseCsv } from './import/csv.js';
import { byLine, invalid } from './import/issues.js';
import { LEAVE_COLUMNS, alreadyOnLeave, checkLeave, type LeaveSpec } from './import/leave-rows.js';

export type AddLeavesInput =
  | { csv: string; actorId?: string | null; locale?: Locale }
  | { leave: Omit<LeaveSpec, 'line'>; actorId?: string | null; locale?: Locale };

export interface AddLeavesReport {
  added: number;
  /** Leaves whose days were all recorded already. */
  skipped: number;
}

export const makeAddLeaves =
  (deps: UseCaseDeps) =>
  (input: AddLeavesInput): Result<AddLeavesReport> => {
    const t = translator(input.locale ?? deps.settings.locale);
    let leaves: LeaveSpec[];
    if ('csv' in input) {
      const { records, issues } = parseCsv(input.csv, LEAVE_COLUMNS, t);
      if (issues.length) return invalid(issues, t);
      leaves = records.map(({ line, values: v }) => ({
        line,
        personId: v.person_id ?? '',
        startDate: v.start_date ?? '',
        endDate: v.end_date ?? '',
        reason: v.reason ?? '',
        kind: v.kind ?? '',
      }));
    } else {
      // A command has no lines; line 1 stands for "the command's arguments".
      leaves = [{ line: 1, ...input.leave }];
    }

    return deps.store.tx((tx) => {
      const issues = leaves.flatMap((l) => checkLeave(l, tx.org, t)).sort(byLine);
      if (issues.length) return invalid(issues, t);
      const report: AddLeavesReport = { added: 0, skipped: 0 };
      for (const l of leaves) {
        if (alreadyOnLeave(l, tx.org)) {
          report.skipped++;
          continue;
        }
        const id = tx.org.addLeave({
          personId: l.personId,
          startDate: l.startDate,
          endDate: l.endDate,
          reason: l.reason,
          kind: parseLeaveKind(l.kind) ?? 'unspecified',
        });
        tx.audit.record({
          actorId: input.actorId ?? null,
          action: 'leave.added',
          subjectType: 'person',
          subjectId: l.personId,
          detail: {
            leaveId: id,
            startDate: l.startDate,
            endDate: l.endDate,
            source: 'csv' in input ? 'leave import' : 'leave add',
          },
          ...(l.reason ? { text: { reason: l.reason } } : {}),
        });
        report.added++;
      }
      return ok(report);
    });
  };
