import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { legalSheetNames, workbookXlsx } from '../../../adapters/reports/render-workbook.js';
import { performanceCsv, performanceWorkbook } from '../../../src/ui/screens/report/performance-report.js';
import { translator } from '../../../src/ui/i18n/index.js';
import type { PerformanceRow } from '../../../src/domain/dashboard/index.js';

const row = (over: Partial<PerformanceRow>): PerformanceRow => ({
  department: '销售部',
  personId: 'zhangwei',
  personName: '张伟',
  jobTitle: '销售代表',
  kpiName: '销售额',
  unit: '千元',
  value: 150,
  target: 200,
  direction: 'higher',
  met: false,
  rating: 2,
  status: 'on_time',
  response: 'disputed',
  ...over,
});

const rows: PerformanceRow[] = [
  row({}),
  row({ kpiName: '新客户数', unit: '个', value: 4, target: 3, met: true }),
  row({ personId: 'lihua', personName: '李华', value: 210, met: true, rating: 4, response: 'acknowledged' }),
  row({
    department: 'Support',
    personId: 'ben',
    personName: '=HYPERLINK("http://evil")',
    jobTitle: 'Customer support agent',
    kpiName: null,
    unit: '',
    value: null,
    target: null,
    direction: null,
    met: null,
    rating: null,
    status: 'missing',
    response: 'none',
  }),
];

describe('《绩效报表》 XLSX', () => {
  it('opens in ExcelJS with a sheet per department and one row per person per KPI', async () => {
    const book = performanceWorkbook('2026-W49', rows, translator('zh-CN'), 'zh-CN');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookXlsx(book)) as unknown as ExcelJS.Buffer);
    // Departments in the reader's collation: for a Chinese reader, Chinese names first.
    expect(wb.worksheets.map((s) => s.name)).toEqual(['销售部', 'Support']);

    const sales = wb.getWorksheet('销售部')!;
    expect(sales.getRow(1).values).toEqual([
      undefined,
      '员工',
      '岗位',
      'KPI',
      '单位',
      '实际值',
      '目标值',
      '是否达标',
      '评分',
      '考核状态',
      '员工反馈',
    ]);
    expect(sales.rowCount).toBe(4);
    // People by name in the reader's collation (李 before 张 by pinyin), each person's KPIs in order.
    const values = [2, 3, 4].map((r) => (sales.getRow(r).values as unknown[]).slice(1));
    expect(values).toEqual([
      ['李华', '销售代表', '销售额', '千元', 210, 200, '达标', 4, '按时', '已确认'],
      ['张伟', '销售代表', '销售额', '千元', 150, 200, '未达标', 2, '按时', '有异议'],
      ['张伟', '销售代表', '新客户数', '个', 4, 3, '达标', 2, '按时', '有异议'],
    ]);
    expect(typeof sales.getCell('E2').value).toBe('number');

    const support = wb.getWorksheet('Support')!;
    expect(support.rowCount).toBe(2);
    // A missing review still has its row; a name that looks like a formula stays text.
    expect(support.getCell('A2').value).toBe('=HYPERLINK("http://evil")');
    expect(support.getCell('A2').formula).toBeUndefined();
    expect(support.getCell('I2').value).toBe('缺失');
    expect(support.getCell('J2').value).toBe('未回应');
  });

  it('makes department names legal and unique as sheet names', () => {
    expect(legalSheetNames(['R&D / Labs', 'r&d _ labs', '', 'A'.repeat(40), '[x]'])).toEqual([
      'R&D _ Labs',
      'r&d _ labs (2)',
      'Sheet',
      'A'.repeat(31),
      '_x_',
    ]);
  });
});

describe('《绩效报表》 CSV', () => {
  it('has a department column, English headers for an English reader, and neutralised formulas', () => {
    const csv = performanceCsv(rows, translator('en'), 'en');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Department,Person,Job,KPI,Unit,Value,Target,Met or missed,Rating,Review status,Employee response',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(`Support,"'=HYPERLINK(""http://evil"")",Customer support agent,,,,,,,Missing,No response`);
    expect(lines[2]).toBe('销售部,张伟,销售代表,销售额,千元,150,200,Missed,2,On time,Disputed');
    expect(lines[4]).toBe('销售部,李华,销售代表,销售额,千元,210,200,Met,4,On time,Acknowledged');
  });
});
