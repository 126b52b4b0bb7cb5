import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings, type SeededTeams } from '../../support/org.js';
import { makeBuildDashboard } from '../../../src/usecases/report/build-dashboard.js';
import { makePostReport } from '../../../src/usecases/report/post-report.js';
import { makeExportPerformanceReport } from '../../../src/usecases/report/export-performance.js';
import { parseCommandArgs, syntaxOf } from '../../../src/app/command-args.js';
import { makeRouter } from '../../../src/app/router.js';
import { allFeatures } from '../../../src/app/features.js';
import { actorOf } from '../../../src/app/actor.js';
import type { UploadPayload } from '../../../src/ports/outbox-queue.js';
import { count } from '../review/support.js';
import { seedWeeks, steady } from '../warning/support.js';

const NOW = '2026-03-16T11:00:00Z';

describe('HR reports', () => {
  let db: TestDb;
  let org: SeededTeams;
  const settings = testSettings();
  const deps = () => ({ store: db.store, clock: db.clock, settings });

  beforeEach(() => {
    db = makeTestDb({ now: NOW });
    org = seedTeams(db.store, { managers: 2, reportsPerManager: 2 });
    const [[a, b], [c, d]] = org.reports as [(typeof org.reports)[0], (typeof org.reports)[0]];
    seedWeeks(db.store, '2026-03-16', [
      { person: a!, weeks: [45, 38, 35].map((tickets) => ({ tickets })) },
      { person: b!, weeks: steady(3) },
      { person: c!, weeks: steady(3) },
      // Chen's last review was never written.
      { person: d!, weeks: [...steady(2), null] },
    ]);
  });
  afterEach(() => db.cleanup());

  it('builds the seven dashboard charts for HR, each with a one-line summary', () => {
    const r = makeBuildDashboard(deps())({ actorId: 'hr', period: 'last-4w' });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.charts.map((c) => c.id)).toEqual([
      'reviewCompletion',
      'onTimeByManager',
      'kpiAttainment',
      'disputesPerMonth',
      'openCasesByStage',
      'cycleTime',
      'warnings',
    ]);
    const [completion] = r.value.charts;
    expect(completion!.summary).toBe('12 reviews due: 11 on time (92%), 0 late, 1 missing.');
    expect(r.value.departments).toContain('eng');
  });

  it('filters by department and refuses one that does not exist', () => {
    const none = makeBuildDashboard(deps())({ actorId: 'hr', department: 'Finance' });
    expect(none).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(makeBuildDashboard(deps())({ actorId: 'hr', department: 'eng' }).ok).toBe(true);
  });

  it('shows reports to HR only, and records who tried', () => {
    const r = makeBuildDashboard(deps())({ actorId: 'm1' });
    expect(r).toMatchObject({ ok: false, code: 'NOT_AUTHORIZED', message: 'Only HR can see reports.' });
    expect(count(db.conn.sqlite, 'audit_log', "action = 'report.dashboard_refused' AND actor_id = 'm1'")).toBe(1);
    expect(makePostReport(deps())({ actorId: 'm1r1', to: 'dm' }).ok).toBe(false);
    expect(makeExportPerformanceReport(deps())({ actorId: 'm1', deliver: 'dm' }).ok).toBe(false);
    expect(count(db.conn.sqlite, 'outbox')).toBe(0);
  });

  it('says which periods it reads, and writes nothing for one it cannot', () => {
    const r = makeBuildDashboard(deps())({ actorId: 'hr', period: 'yesterday' });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(!r.ok && r.message).toContain('2026-W49');
  });

  it('queues each chart as a picture with its summary, to the asker or the HR channel', () => {
    const r = makePostReport(deps())({ actorId: 'hr', to: 'dm' });
    expect(r).toEqual({ ok: true, value: { confirmation: 'Posting 7 charts to your DM.' } });
    const uploads = db.conn.sqlite
      .prepare(`SELECT address, payload FROM outbox WHERE op = 'upload' ORDER BY id`)
      .all() as { address: string; payload: string }[];
    expect(uploads).toHaveLength(7);
    const first = JSON.parse(uploads[0]!.payload) as UploadPayload;
    expect(uploads[0]!.address).toBe('UHR');
    expect(first).toMatchObject({ filename: 'reviewCompletion-last-8w.png', body: { kind: 'chart' } });
    expect(first.comment).toMatch(/reviews due/);
    // The line before the charts names the period as a reader would, never as the typed id.
    const intro = db.conn.sqlite.prepare(`SELECT payload FROM outbox WHERE op = 'post' AND address = 'UHR'`).get() as {
      payload: string;
    };
    expect(JSON.stringify(JSON.parse(intro.payload))).toContain('Last 8 weeks, All departments: 7 charts follow');
    makePostReport(deps())({ actorId: 'hr', to: 'hr_channel' });
    expect(count(db.conn.sqlite, 'outbox', "op = 'upload' AND address = 'CHR'")).toBe(7);
  });

  it('exports the performance report: one row per person per KPI, a row for a missing review', () => {
    const r = makeExportPerformanceReport(deps())({ actorId: 'hr', period: '2026-W11', deliver: 'dm' });
    if (!r.ok) throw new Error(r.message);
    // 3 reviews × 2 KPIs, and Chen's missing review as one row.
    expect(r.value.rows).toHaveLength(7);
    const chen = r.value.rows.filter((x) => x.personId === 'm2r2');
    expect(chen).toEqual([expect.objectContaining({ kpiName: null, status: 'missing', response: 'none' })]);
    const alice = r.value.rows.find((x) => x.personId === 'm1r1' && x.kpiName === 'Tickets closed');
    expect(alice).toMatchObject({ value: 35, target: 40, met: false, status: 'on_time' });
    expect(r.value.workbook.sheets.map((s) => s.name)).toEqual(['eng']);
    const upload = JSON.parse(
      (db.conn.sqlite.prepare(`SELECT payload FROM outbox WHERE op = 'upload'`).get() as { payload: string }).payload,
    ) as UploadPayload;
    expect(upload).toMatchObject({ filename: 'performance-2026-W11.xlsx', body: { kind: 'workbook' } });
  });

  it('/dandang report through the router: each form does its own thing, and a word nobody reads is refused', async () => {
    const router = makeRouter(allFeatures(deps()), { store: db.store });
    const hr = actorOf(
      db.store.read((tx) => tx.org.person('hr'))!,
      'slack',
      settings,
    );
    const say = (args: string) =>
      router.dispatch({ kind: 'command', actor: hr, command: 'dandang', args, mentions: [] });
    const uploads = () => count(db.conn.sqlite, 'outbox', "op = 'upload'");

    const cases = await say('report cases');
    expect(cases.kind === 'ok' && cases.message?.text).toBeTruthy();
    expect(await say('report cases eng')).toMatchObject({ kind: 'error', code: 'INVALID_INPUT' });
    const extra = (await say('report cases eng')) as { text: string };
    expect(extra.text).toContain('/dandang report [channel|export|cases] [department] [period]');
    expect(extra.text).toContain('“eng”');
    expect(uploads()).toBe(0);

    expect(await say('report export eng 2026-W11')).toMatchObject({
      kind: 'ok',
      toast: 'Performance report 2026-W11: 7 rows.',
    });
    expect(uploads()).toBe(1);
    expect(await say('report channel eng last-4w')).toMatchObject({
      kind: 'ok',
      toast: 'Posting 7 charts to the HR channel.',
    });
    expect(count(db.conn.sqlite, 'outbox', "op = 'upload' AND address = 'CHR'")).toBe(7);
    expect(await say('report Finance')).toMatchObject({ kind: 'error', code: 'INVALID_INPUT' });
    expect(uploads()).toBe(8);
  });

  it('reads the command words: where, which department (spaces allowed) and which period', () => {
    const words = (args: string) => {
      const r = parseCommandArgs(syntaxOf('dandang', 'report')!, args, []);
      return r.ok ? { ...r.argv.words, department: r.argv.text } : r.problem;
    };
    expect(words('')).toEqual({ department: '' });
    expect(words('channel Customer Care 2026-W49')).toEqual({
      reportForm: 'channel',
      period: '2026-W49',
      department: 'Customer Care',
    });
    expect(words('Sales last-4w')).toEqual({ period: 'last-4w', department: 'Sales' });
    expect(words('导出 销售部 2026-11')).toEqual({ reportForm: '导出', period: '2026-11', department: '销售部' });
  });
});
