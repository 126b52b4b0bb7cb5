/**
 * CSV for spreadsheets. A cell that starts with `= + - @`, a tab or a carriage return is prefixed
 * with `'` so a spreadsheet shows it as text instead of running it as a formula (OWASP's rule for
 * CSV injection): names and comments are typed by people.
 */
import type { Cell } from './workbook.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV with CRLF line ends and a byte-order mark, so Excel opens UTF-8 Chinese correctly. */
export const toCsv = (rows: readonly Cell[][]): string =>
  `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
