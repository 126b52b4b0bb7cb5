/**
 * The 《绩效报表》 performance report's rows: one per person per KPI for one period, with the
 * value, the target, met or missed, the rating, the review status and the employee's response.
 * A person whose review is missing still gets one row, so a gap shows instead of vanishing.
 */
export type ReviewStatus = 'on_time' | 'late' | 'missing' | 'not_due';
export type EmployeeResponse = 'acknowledged' | 'disputed' | 'refused' | 'none';

export interface PerformanceRow {
  department: string;
  personId: string;
  personName: string;
  jobTitle: string;
  /** Null on the single row of a person with no review. */
  kpiName: string | null;
  unit: string;
  value: number | null;
  target: number | null;
  direction: 'higher' | 'lower' | null;
  met: boolean | null;
  rating: number | null;
  status: ReviewStatus;
  response: EmployeeResponse;
}

/**
 * Rows grouped by department, each sorted by person then in the report's KPI order, in the
 * reader's collation (`zh-CN` sorts Chinese names by pinyin: 李 before 张).
 */
export function rowsByDepartment(
  rows: readonly PerformanceRow[],
  locale: string,
): { department: string; rows: PerformanceRow[] }[] {
  const collate = new Intl.Collator(locale).compare;
  const by = new Map<string, PerformanceRow[]>();
  for (const r of rows) by.set(r.department, [...(by.get(r.department) ?? []), r]);
  return [...by.entries()]
    .sort(([a], [b]) => collate(a, b))
    .map(([department, rs]) => ({
      department,
      // A stable sort keeps each person's KPIs in the order the report gave them.
      rows: [...rs].sort((a, b) => collate(a.personName, b.personName) || collate(a.personId, b.personId)),
    }));
}
