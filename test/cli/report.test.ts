import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, runCliText } from '../support/cli.js';
import { ManualClock } from '../../src/ports/clock.js';

let dir: string;
let env: Record<string, string>;
const clock = new ManualClock(Date.parse('2026-11-24T02:00:00Z'));

const cli = (args: string[]) => runCliText(args, env, clock);

beforeAll(async () => {
  ({ dir, env } = cliSandbox('dandang-report-', 'x.yml'));
  expect((await cli(['demo', 'reset'])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run dandang -- report export', () => {
  it('writes the 《绩效报表》 as xlsx with a sheet per department and a row per person per KPI', async () => {
    const file = join(dir, 'w47.xlsx');
    const r = await cli(['report', 'export', '--period', '2026-W47', '--format', 'xlsx', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Wrote ${file}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name).sort()).toEqual(['Sales', 'Support', 'Warehouse']);
    // Three people with two KPIs each, in every department of the demo.
    for (const s of wb.worksheets) expect(s.rowCount).toBe(1 + 3 * 2);
    const sales = wb.getWorksheet('Sales')!;
    const zhangwei = [2, 3, 4, 5, 6, 7].map((n) => sales.getRow(n)).filter((row) => row.getCell(1).value === '张伟');
    expect(zhangwei).toHaveLength(2);
    expect(zhangwei.map((row) => row.getCell(7).value)).toContain('Missed');
  });

  it('writes CSV for one department, and refuses a period with no reviews or a bad flag', async () => {
    const file = join(dir, 'sales.csv');
    expect(
      (await cli(['report', 'export', '--period=2026-W47', '--department', 'Sales', '--format=csv', '--out', file]))
        .code,
    ).toBe(0);
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Department,Person,Job,KPI/);
    expect(lines).toHaveLength(1 + 6);
    expect(lines.slice(1).every((l) => l.startsWith('Sales,'))).toBe(true);

    const none = await cli(['report', 'export', '--period', '2020-W01']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('No reviews were due in 2020-W01');
    expect((await cli(['report', 'export', '--format', 'pdf'])).code).toBe(2);
  });
});
