/**
 * A neutral `Workbook` as an XLSX file, with ExcelJS. Values are written typed (strings as text,
 * numbers as numbers, never as formulas), so a name that starts with "=" stays a name. Sheet names
 * are made legal and unique here, the one place that knows Excel's limits.
 */
import ExcelJS from 'exceljs';
import type { Workbook } from '../../src/ui/workbook.js';
import { CJK_FONT_FAMILY } from './font.js';

/** Excel: at most 31 characters, none of []:*?/\, not blank, unique regardless of case. */
export const SHEET_NAME_MAX = 31;

export function legalSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base =
      raw
        .replace(/[[\]:*?/\\]/g, '_')
        .replace(/^'+|'+$/g, '')
        .trim() || 'Sheet';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = [...base].slice(0, SHEET_NAME_MAX - suffix.length).join('') + suffix;
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase());
        return name;
      }
    }
  });
}

export async function workbookXlsx(book: Workbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Dandang';
  wb.title = book.title;
  const names = legalSheetNames(book.sheets.map((s) => s.name));
  book.sheets.forEach((sheet, i) => {
    const ws = wb.addWorksheet(names[i]!, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
    const header = ws.getRow(1);
    header.font = { bold: true, name: CJK_FONT_FAMILY };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    for (const row of sheet.rows) ws.addRow(row.map((v) => v ?? null));
    sheet.columns.forEach((c, j) => {
      if (c.kind === 'number') ws.getColumn(j + 1).alignment = { horizontal: 'right' };
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  });
  if (!book.sheets.length) wb.addWorksheet('Sheet');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
