import type { ReadTx } from '../../ports/store.js';
import type { KpiActual } from '../../ports/repos/kpi-actuals.js';
import { dateIn } from '../../domain/dates.js';

/**
 * The figures data feeds sent for one person and review period, by KPI key (the newest received
 * per key). The form offers them and the submission checks against them, both read from the
 * store: the form's state never carries a figure.
 */
export function feedFigures(tx: ReadTx, employeeId: string, period: string): Record<string, KpiActual> {
  return Object.fromEntries(tx.kpiActuals.latestFor(employeeId, period));
}

/** The same figures as the review form shows them: each with the day it was received where the reader is. */
export function formFeedFigures(
  tx: ReadTx,
  employeeId: string,
  period: string,
  zone: string,
): Record<string, { value: number; source: string; received: string }> {
  return Object.fromEntries(
    Object.entries(feedFigures(tx, employeeId, period)).map(([key, a]) => [
      key,
      { value: a.value, source: a.source, received: dateIn(a.recordedAt, zone) },
    ]),
  );
}
