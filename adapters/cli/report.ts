/**
 * `npm run dandang -- report export [--period 2026-W49] [--department Sales] [--format xlsx|csv] [--out FILE]`:
 * the 《绩效报表》 written to a file. The operator on the server is trusted (no chat identity), as
 * for the dossier; the export is audited with actor null.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeExportPerformanceReport } from '../../src/usecases/report/export-performance.js';
import { performanceCsv } from '../../src/ui/screens/report/performance-report.js';
import { translator } from '../../src/ui/i18n/index.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliCommand } from './context.js';

export const USAGE_REPORT =
  'Usage: npm run dandang -- report export [--period <2026-W49>] [--department <name>] [--format xlsx|csv] [--out <file>]';

export function parseReportExportArgs(
  args: string[],
): { period?: string; department?: string; format: 'xlsx' | 'csv'; out?: string } | null {
  const [sub, ...rest] = args;
  if (sub !== 'export') return null;
  const opts: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const m = /^--(period|department|format|out)(?:=(.*))?$/.exec(rest[i]!);
    if (!m) return null;
    const value = m[2] ?? rest[++i];
    if (value === undefined || value === '') return null;
    opts[m[1]!] = value;
  }
  const format = opts.format ?? 'xlsx';
  if (format !== 'xlsx' && format !== 'csv') return null;
  return { period: opts.period, department: opts.department, format, out: opts.out };
}

export const runReport: CliCommand = async (args, ctx) => {
  const parsed = parseReportExportArgs(args);
  if (!parsed) {
    ctx.err(USAGE_REPORT);
    return EXIT_USAGE;
  }
  const r = makeExportPerformanceReport({ store: ctx.store, clock: ctx.clock, settings: ctx.settings })({
    actorId: null,
    period: parsed.period,
    department: parsed.department,
    deliver: 'none',
  });
  if (!r.ok) {
    ctx.err(r.message);
    return r.code === 'NOT_FOUND' ? EXIT_INVALID : EXIT_USAGE;
  }
  const v = r.value;
  const file = resolve(parsed.out ?? v.filename.replace(/\.xlsx$/, `.${parsed.format}`));
  writeFileSync(
    file,
    parsed.format === 'xlsx'
      ? await (await import('../reports/render-workbook.js')).workbookXlsx(v.workbook)
      : performanceCsv(v.rows, translator(v.locale), v.locale),
  );
  ctx.out(`Wrote ${file}: ${v.confirmation}`);
  return EXIT_OK;
};
