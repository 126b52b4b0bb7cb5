/** The 《绩效报表》: a sheet per department (XLSX) or one table with a department column (CSV). */
import { rowsByDepartment, type PerformanceRow } from '../../../domain/dashboard/index.js';
import type { T } from '../../i18n/index.js';
import type { Locale } from '../../../ports/records.js';
import type { Cell, Column, Workbook } from '../../workbook.js';
import { toCsv } from '../../csv.js';

function columns(t: T, withDepartment: boolean): Column[] {
  const cols: Column[] = [
    { header: t('report.col.person'), width: 18, kind: 'text' },
    { header: t('report.col.job'), width: 22, kind: 'text' },
    { header: t('report.col.kpi'), width: 24, kind: 'text' },
    { header: t('report.col.unit'), width: 10, kind: 'text' },
    { header: t('report.col.value'), width: 10, kind: 'number' },
    { header: t('report.col.target'), width: 10, kind: 'number' },
    { header: t('report.col.result'), width: 12, kind: 'text' },
    { header: t('report.col.rating'), width: 8, kind: 'number' },
    { header: t('report.col.status'), width: 14, kind: 'text' },
    { header: t('report.col.response'), width: 20, kind: 'text' },
  ];
  return withDepartment ? [{ header: t('report.col.department'), width: 16, kind: 'text' }, ...cols] : cols;
}

function cells(t: T, r: PerformanceRow): Cell[] {
  return [
    r.personName,
    r.jobTitle,
    r.kpiName,
    r.unit || null,
    r.value,
    r.target,
    r.met === null ? null : t(r.met ? 'report.result.met' : 'report.result.missed'),
    r.rating,
    t(`report.status.${r.status}`),
    t(`report.response.${r.response}`),
  ];
}

export function performanceWorkbook(period: string, rows: readonly PerformanceRow[], t: T, locale: Locale): Workbook {
  return {
    title: t('report.sheet.title', { period }),
    sheets: rowsByDepartment(rows, locale).map(({ department, rows: rs }) => ({
      name: department,
      columns: columns(t, false),
      rows: rs.map((r) => cells(t, r)),
    })),
  };
}

export function performanceCsv(rows: readonly PerformanceRow[], t: T, locale: Locale): string {
  const header = columns(t, true).map((c) => c.header);
  const body = rowsByDepartment(rows, locale).flatMap(({ department, rows: rs }) =>
    rs.map((r) => [department, ...cells(t, r)]),
  );
  return toCsv([header, ...body]);
}
