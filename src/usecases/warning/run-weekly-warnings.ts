/**
 * The weekly early-warning run (issue 15), from the scheduler's tick once the configured day and
 * time of the week have passed (and at once on `force`, for the CLI and tests):
 *  1. every department's people through the rules, one transaction each, warnings recorded;
 *  2. each manager's DM ("2 people may need help", with buttons) and their duty gaps;
 *  3. HR's digest; 4. the follow-ups of earlier warnings; 5. the week marked done.
 * Every step is idempotent (unique warning per person and week, outbox keys per manager and week),
 * so a crash mid-run is finished by the next tick without sending anything twice.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { WarningRecord } from '../../ports/repos/warnings.js';
import { addDays } from '../../domain/dates.js';
import {
  DEFAULT_WARNING_SETTINGS,
  lastCompleteWeeks,
  warningWeek,
  weeklyRunInstant,
} from '../../domain/warning/index.js';
import { evaluateDepartment } from './evaluate-department.js';
import { notifyManager } from './notify-manager.js';
import { postHrDigest } from './hr-digest.js';
import { recordFollowUps } from './record-follow-ups.js';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Managers per transaction when sending DMs: short writes, so interactive handlers are not held up. */
const MANAGERS_PER_TX = 200;

export interface WeeklyWarningsReport {
  week: string;
  /** False when the run was not due, is switched off, or already finished this week. */
  ran: boolean;
  people: number;
  warnings: number;
  managersMessaged: number;
  managersWithGaps: number;
  followUps: number;
}

export const makeRunWeeklyWarnings =
  ({ store, clock, settings }: UseCaseDeps) =>
  async (opts: { force?: boolean } = {}): Promise<WeeklyWarningsReport> => {
    const cfg = settings.warnings ?? DEFAULT_WARNING_SETTINGS;
    const now = clock.now();
    const week = warningWeek(now, settings.timezone);
    const report: WeeklyWarningsReport = {
      week: week.label,
      ran: false,
      people: 0,
      warnings: 0,
      managersMessaged: 0,
      managersWithGaps: 0,
      followUps: 0,
    };
    const due = weeklyRunInstant(week.start, cfg.day, cfg.time, settings.timezone);
    if (!opts.force && (!cfg.enabled || now < due)) return report;
    if (store.tx((tx) => tx.warnings.runFinished(week.label))) return report;
    report.ran = true;

    const policy = cfg.policy;
    const absenceWeeks = lastCompleteWeeks(week.today, policy.absence.weeks);
    const leaves = store.tx((tx) => tx.warnings.leavesOverlapping(absenceWeeks[0]!, addDays(absenceWeeks.at(-1)!, 6)));
    const departments = store.tx((tx) => tx.reviews.departmentZones().map((d) => d.department));
    const peopleByDepartment = new Map<string, number>();
    const teams = new Map<string, Set<string>>();
    for (const department of departments) {
      const o = store.tx((tx) =>
        evaluateDepartment(tx, department, { now, week: week.label, today: week.today, policy, leaves }),
      );
      for (const p of o.pairs) teams.set(p.managerId, (teams.get(p.managerId) ?? new Set()).add(p.employeeId));
      peopleByDepartment.set(department, o.people);
      report.people += o.people;
      await yieldToEventLoop();
    }

    const byManager = new Map<string, WarningRecord[]>();
    for (const w of store.tx((tx) => tx.warnings.forWeek(week.label)))
      byManager.set(w.managerId, [...(byManager.get(w.managerId) ?? []), w]);
    report.warnings = [...byManager.values()].reduce((s, ws) => s + ws.length, 0);
    const managers = [...teams.keys()];
    for (let i = 0; i < managers.length; i += MANAGERS_PER_TX) {
      store.tx((tx) => {
        for (const managerId of managers.slice(i, i + MANAGERS_PER_TX)) {
          const r = notifyManager(tx, {
            managerId,
            reportIds: [...teams.get(managerId)!],
            warnings: byManager.get(managerId) ?? [],
            week: week.label,
            now,
            policy,
            settings,
          });
          if (r.messaged) report.managersMessaged++;
          if (r.gaps) report.managersWithGaps++;
        }
      });
      await yieldToEventLoop();
    }

    store.tx((tx) => {
      postHrDigest(tx, { week: week.label, peopleByDepartment, settings });
      report.followUps = recordFollowUps(tx, now);
      tx.warnings.markRunFinished(week.label, now);
      tx.audit.record({
        actorId: null,
        action: 'warning.run',
        subjectType: 'report',
        subjectId: week.label,
        detail: { ...report },
      });
    });
    return report;
  };
