/**
 * A neutral spreadsheet: sheets of typed cells, in the reader's language. Like `Message` and
 * `ChartSpec` it is plain data; `adapters/reports` writes it as XLSX, `ui/csv.ts` as CSV.
 */
export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Characters, for the column width. */
  width: number;
  /** `number` cells are right-aligned and kept numeric (a spreadsheet can sum them). */
  kind: 'text' | 'number';
}

export interface Sheet {
  /** Shown on the tab; the XLSX writer makes it legal (31 characters, no `[]:*?/\`) and unique. */
  name: string;
  columns: Column[];
  rows: Cell[][];
}

export interface Workbook {
  title: string;
  sheets: Sheet[];
}
