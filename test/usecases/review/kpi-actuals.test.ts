/**
 * KPI figures from data feeds: the CSV (`kpi import`) and the API's JSON go through one use case
 * and one validator. A bad batch names each row and writes nothing; a resend changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { makeImportJobs } from '../../../src/usecases/org/import-jobs.js';
import { makeImportOrg } from '../../../src/usecases/org/import-org.js';
import { makeRecordKpiActuals } from '../../../src/usecases/review/record-kpi-actuals.js';
import { formatIssue, importIssues } from '../../../src/usecases/org/import/issues.js';
import { counts, defaultSettings, example } from '../import/support.js';

let t: TestDb;
const settings = defaultSettings();
beforeEach(async () => {
  // Monday 2026-11-23: week 2026-W48 and month 2026-11 have begun; 2026-W49 and 2026-12 have not.
  t = makeTestDb({ now: '2026-11-23T09:00:00Z' });
  await makeImportJobs({ store: t.store, clock: t.clock, settings })({ yaml: example('jobs.yml') });
  expect((await makeImportOrg({ store: t.store, clock: t.clock, settings })({ csv: example('people.csv') })).ok).toBe(
    true,
  );
});
afterEach(() => t.cleanup());

const record = () => makeRecordKpiActuals({ store: t.store, clock: t.clock, settings });
const stored = () =>
  t.conn.sqlite
    .prepare('SELECT person_id, kpi_key, period, value, source, via, recorded_at FROM kpi_actuals ORDER BY id')
    .all();

describe('KPI figures from a CSV', () => {
  it('records every row with its source and time, audited; the same file again changes nothing', () => {
    const csv = [
      'person_id,kpi_key,period,value,source',
      's1,revenue,2026-W48,"215,000",erp',
      's1,new_accounts,2026-W48,4,',
      'w1,units_per_hour,2026-11,131.5,wms',
    ].join('\n');
    const before = counts(t.conn.sqlite);
    expect(record()({ csv })).toEqual({ ok: true, value: { created: 3, updated: 0, unchanged: 0 } });
    const at = t.clock.now();
    expect(stored()).toEqual([
      {
        person_id: 's1',
        kpi_key: 'revenue',
        period: '2026-W48',
        value: 215000,
        source: 'erp',
        via: 'csv',
        recorded_at: at,
      },
      // An empty source cell is the file's default.
      {
        person_id: 's1',
        kpi_key: 'new_accounts',
        period: '2026-W48',
        value: 4,
        source: 'csv',
        via: 'csv',
        recorded_at: at,
      },
      {
        person_id: 'w1',
        kpi_key: 'units_per_hour',
        period: '2026-11',
        value: 131.5,
        source: 'wms',
        via: 'csv',
        recorded_at: at,
      },
    ]);
    expect(counts(t.conn.sqlite).audit - before.audit).toBe(3);

    t.clock.advance(60_000);
    expect(record()({ csv })).toEqual({ ok: true, value: { created: 0, updated: 0, unchanged: 3 } });
    expect(counts(t.conn.sqlite).audit - before.audit).toBe(3);
  });

  it('a new figure for the same person, KPI, period and source replaces the old one; another source is another row', () => {
    record()({ csv: 'person_id,kpi_key,period,value,source\ns1,revenue,2026-W48,180000,erp' });
    t.clock.advance(60_000);
    const r = record()({
      csv: 'person_id,kpi_key,period,value,source\ns1,revenue,2026-W48,190000,erp\ns1,revenue,2026-W48,185000,crm',
    });
    expect(r).toEqual({ ok: true, value: { created: 1, updated: 1, unchanged: 0 } });
    expect(stored().map((r: any) => [r.source, r.value])).toEqual([
      ['erp', 190000],
      ['crm', 185000],
    ]);
    const audit = t.conn.sqlite
      .prepare("SELECT detail FROM audit_log WHERE action = 'kpi_actual.recorded' ORDER BY id DESC LIMIT 2")
      .all()
      .map((r: any) => JSON.parse(r.detail));
    expect(audit.find((d) => d.source === 'erp')).toMatchObject({ value: 190000, from: 180000, period: '2026-W48' });
  });

  it('every bad row is named with its line and field, and nothing is written', () => {
    const csv = [
      'person_id,kpi_key,period,value,source',
      'nobody,revenue,2026-W48,1,erp', // 2: unknown person
      's1,units_per_hour,2026-W48,1,erp', // 3: not a KPI of the sales-rep job
      's1,revenue,2026-W54,1,erp', // 4: no such week
      's1,revenue,2026-W49,1,erp', // 5: has not begun
      's1,revenue,2026-W48,lots,erp', // 6: not a number
      'w1,pick_error_rate,2026-W48,140,wms', // 7: a percentage over 100
      's1,revenue,2026-W48,-5,erp', // 8: below the default minimum 0
      's1,revenue,2026-W48,1,"bad\tsource"', // 9: source with a tab
      's2,revenue,2026-W48,1,erp', // 10: fine
      's2,revenue,2026-W48,2,erp', // 11: same identity as line 10
      ',revenue,2026-W48,,erp', // 12: two required fields
    ].join('\n');
    const before = counts(t.conn.sqlite);
    const r = record()({ csv });
    expect(r.ok).toBe(false);
    expect(stored()).toEqual([]);
    expect(counts(t.conn.sqlite)).toEqual(before);
    expect(r.ok ? [] : importIssues(r).map((i) => formatIssue('actuals.csv', i))).toEqual([
      'actuals.csv:2: person_id: unknown person "nobody"; import the org first',
      'actuals.csv:3: kpi_key: not a KPI of job sales-rep, the job this person holds; its KPIs are: revenue, new_accounts',
      'actuals.csv:4: period: not a review period; use a week such as 2026-W49, a fortnight such as 2026-W47/48, or a month such as 2026-12',
      'actuals.csv:5: period: this period starts on 2026-11-30; a figure can be recorded only once its period has begun',
      'actuals.csv:6: value: not a number; use digits only, e.g. 1234.5',
      "actuals.csv:7: value: outside the KPI's range 0 to 100 %; a KPI that can go beyond it says so with min/max in jobs.yml",
      "actuals.csv:8: value: outside the KPI's range 0 to 200000000 CNY; a KPI that can go beyond it says so with min/max in jobs.yml",
      'actuals.csv:9: source: name the source with 1 to 40 letters, digits, spaces or . _ : / - (e.g. erp, salesforce)',
      'actuals.csv:11: period: the same person, KPI, period and source as line 10; send each figure once',
      'actuals.csv:12: person_id: required; fill it in',
      'actuals.csv:12: value: required; fill it in',
    ]);
  });

  it('a missing column is named on the header line', () => {
    const r = record()({ csv: 'person_id,kpi_key,value\ns1,revenue,1' });
    expect(r.ok ? [] : importIssues(r).map((i) => formatIssue('a.csv', i))).toEqual([
      'a.csv:1: period: missing column "period"; the header must include: person_id, kpi_key, period, value',
    ]);
  });

  it('errors are in Chinese for a Chinese reader', () => {
    const r = record()({ csv: 'person_id,kpi_key,period,value\ns1,revenue,2026-13,1', locale: 'zh-CN' });
    expect(r.ok ? [] : importIssues(r).map((i) => i.message)).toEqual([
      '不是考核周期；请使用周（如 2026-W49）、双周（如 2026-W47/48）或月（如 2026-12）',
    ]);
  });
});

describe('KPI figures as JSON (the API body)', () => {
  it('takes {rows: [...]} with numbers, and the same rules name the row by its index', () => {
    expect(
      record()({
        json: { rows: [{ person_id: 's1', kpi_key: 'revenue', period: '2026-W48', value: 201000, source: 'erp' }] },
      }),
    ).toEqual({ ok: true, value: { created: 1, updated: 0, unchanged: 0 } });
    expect(stored()).toMatchObject([{ source: 'erp', via: 'api', value: 201000 }]);

    const r = record()({
      json: [
        { person_id: 's2', kpi_key: 'revenue', period: '2026-W48', value: 1 },
        { person_id: 's2', kpi_key: 'revenue', period: '2026-W48', value: 1e13, source: 'erp' },
        { person_id: 's2', kpi_key: 'revenue', period: '2026-W48', valeu: 1 },
        { person_id: 's2', kpi_key: 'revenue', period: '2026-W48', value: true },
        'a string',
      ],
    });
    expect(r.ok ? [] : importIssues(r).map((i) => [i.line, i.field])).toEqual([
      [1, 'value'],
      [2, 'valeu'],
      [3, 'value'],
      [4, ''],
    ]);
    expect(stored()).toHaveLength(1);
  });

  it('a body that is not a list of rows is refused as a whole', () => {
    const r = record()({ json: { rows: [] } });
    expect(r.ok ? [] : importIssues(r)).toEqual([{ line: -1, field: 'rows', message: 'no rows: send at least one' }]);
    expect(record()({ json: 'hello' }).ok).toBe(false);
  });
});
