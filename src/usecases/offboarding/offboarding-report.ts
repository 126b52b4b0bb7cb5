/**
 * `/dandang report` (HR): case cycle time (opened → closed), time spent in each step, and dispute
 * counts, so a company can see what moving the process into a system does to its own figures.
 */
import { ok, fail, type Result } from '../result.js';
import { buildCaseReport, type CaseReport } from '../../ui/screens/offboarding/status.js';
import { stepLabel } from '../../ui/screens/offboarding/labels.js';
import type { Message } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { pathFor } from '../../domain/policy/index.js';
import { DAY_MS } from '../../domain/dates.js';
import { isHr } from '../../domain/people.js';
import { localeOf, tFor } from '../shared/people.js';
import { policyOf } from './policy.js';

/** Days to one decimal place. */
const days = (ms: number) => Math.round((ms / DAY_MS) * 10) / 10;

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const makeOffboardingReport =
  ({ store, settings }: UseCaseDeps) =>
  (input: { actorId: string }): Result<{ report: CaseReport; message: Message }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!isHr(actor)) {
        tx.audit.record({
          actorId: input.actorId,
          action: 'case.report_refused',
          subjectType: 'report',
          subjectId: 'cases',
          detail: {},
        });
        return fail('NOT_AUTHORIZED', t('off.report.hrOnly'));
      }
      const locale = localeOf(actor, settings);
      const all = tx.cases.openedSince(0);
      const cycles = all
        .filter((c) => c.status === 'closed' && c.closedAt !== null)
        .map((c) => c.closedAt! - c.openedAt);
      const perStep = new Map<string, { label: string; spans: number[] }>();
      for (const c of all) {
        const steps = pathFor(policyOf(c), c.reasonKind).steps;
        let since = c.openedAt;
        for (const e of tx.cases.events(c.id).filter((x) => x.outcome === 'done')) {
          const step = steps.find((s) => s.id === e.step);
          const entry = perStep.get(e.step) ?? { label: step ? stepLabel(t, locale, step) : e.step, spans: [] };
          entry.spans.push(e.at - since);
          perStep.set(e.step, entry);
          since = e.at;
        }
      }
      const disputes = tx.cases.disputeCounts([...new Set(all.map((c) => c.employeeId))]);
      const cycleMedian = median(cycles);
      const report: CaseReport = {
        opened: all.length,
        open: all.filter((c) => c.status === 'open').length,
        closed: all.filter((c) => c.status === 'closed').length,
        withdrawn: all.filter((c) => c.status === 'withdrawn').length,
        cycleMedianDays: cycleMedian === null ? null : days(cycleMedian),
        cycleAverageDays: cycles.length ? days(cycles.reduce((a, b) => a + b, 0) / cycles.length) : null,
        steps: [...perStep.values()].map((s) => ({ step: s.label, medianDays: days(median(s.spans) ?? 0) })),
        disputed: disputes.disputed,
        refused: disputes.refused,
      };
      return ok({ report, message: buildCaseReport(t, report) });
    });
