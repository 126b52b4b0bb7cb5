import { parse } from 'csv-parse/sync';
import type { T } from '../../../ui/i18n/index.js';
import type { ImportIssue } from './issues.js';

export interface CsvRecord {
  /** Line where the record starts in the file (header = 1). */
  line: number;
  values: Record<string, string>;
}

/**
 * Parses CSV text with a header row into records keyed by column name, tolerating a BOM, CRLF
 * and quoted fields with commas or newlines. Header problems (missing or unknown columns) and
 * syntax errors come back as issues; values are trimmed.
 */
export function parseCsv(
  text: string,
  columns: { required: readonly string[]; optional: readonly string[] },
  t: T,
): { records: CsvRecord[]; header: string[]; issues: ImportIssue[] } {
  // Normalising line ends first keeps csv-parse's line counter exact (with CRLF it drifts).
  const normalised = text.replace(/\r\n?/g, '\n');
  let rows: { record: string[]; lines: number }[];
  try {
    rows = parse(normalised, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      // Only the line count of each record is kept: `info: true` would hold a large object per row
      // (50,000 of them in a big org's file).
      on_record: (record: string[], context: { lines: number }) => ({ record, lines: context.lines }),
    } as never) as unknown as typeof rows;
  } catch (e) {
    const err = e as Error & { lines?: number };
    return {
      records: [],
      header: [],
      issues: [{ line: err.lines ?? 1, field: '', message: t('import.csvSyntax', { detail: err.message }) }],
    };
  }
  const startLine = (r: (typeof rows)[number]) => {
    let breaks = 0;
    for (const field of r.record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) breaks++;
    return r.lines - breaks;
  };
  const [head, ...body] = rows;
  if (!head)
    return {
      records: [],
      header: [],
      issues: columns.required.map((c) => ({
        line: 1,
        field: c,
        message: t('import.missingColumn', { column: c, expected: columns.required.join(', ') }),
      })),
    };

  const header = head.record.map((h) => h.trim().toLowerCase());
  const issues: ImportIssue[] = [];
  const known = new Set([...columns.required, ...columns.optional]);
  const expected = [...columns.required, ...columns.optional].join(', ');
  for (const c of columns.required)
    if (!header.includes(c))
      issues.push({
        line: startLine(head),
        field: c,
        message: t('import.missingColumn', { column: c, expected: columns.required.join(', ') }),
      });
  for (const c of header)
    if (!known.has(c))
      issues.push({ line: startLine(head), field: c, message: t('import.unknownColumn', { column: c, expected }) });

  const records = body.map((r) => {
    const values: Record<string, string> = {};
    header.forEach((c, i) => (values[c] = r.record[i] ?? ''));
    return { line: startLine(r), values };
  });
  rows.length = 0; // the raw records are no longer needed while the file is validated and written
  return { records, header, issues };
}
