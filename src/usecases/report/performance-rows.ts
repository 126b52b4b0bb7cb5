/** A period's review slots as the performance report's rows: one per KPI, one for a missing review. */
import type { PerformanceSlot } from '../../ports/repos/reports.js';
import { slotOutcome, type PerformanceRow, type ReviewStatus } from '../../domain/dashboard/index.js';

const STATUS = { onTime: 'on_time', late: 'late', missing: 'missing' } as const;

export function performanceRows(slots: readonly PerformanceSlot[], now: number): PerformanceRow[] {
  return slots.flatMap((s): PerformanceRow[] => {
    const outcome = slotOutcome(s, now);
    const status: ReviewStatus = outcome ? STATUS[outcome] : 'not_due';
    const base = {
      department: s.department,
      personId: s.employeeId,
      personName: s.employeeName,
      jobTitle: s.jobTitle,
      rating: s.rating,
      status,
      response: s.response ?? ('none' as const),
    };
    if (!s.results.length)
      return [{ ...base, kpiName: null, unit: '', value: null, target: null, direction: null, met: null }];
    return s.results.map((k) => ({
      ...base,
      kpiName: k.name,
      unit: k.unit,
      value: k.actual,
      target: k.target,
      direction: k.direction,
      met: k.met,
    }));
  });
}
