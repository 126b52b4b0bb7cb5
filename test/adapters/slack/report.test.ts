/**
 * `/dandang report` through Slack: the real Bolt app and sender against the fake Web API. The
 * charts arrive as PNG files (files.uploadV2), each with its one-line summary, and the weekly
 * warnings reach a manager as a DM whose button opens the training form.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, type SlackHarness } from './harness.js';
import { buttonsIn, type OpenedView } from '../../support/fake-slack-requests.js';
import { seedTeams } from '../../support/org.js';
import { seedWeeks, steady } from '../../usecases/warning/support.js';
import { makeRunWeeklyWarnings } from '../../../src/usecases/warning/run-weekly-warnings.js';
import { makeAddLeaves } from '../../../src/usecases/org/add-leaves.js';
import { readPng, inkShare } from '../reports/pixels.js';
import { zipIn } from '../reports/zip.js';
import ExcelJS from 'exceljs';

const CONFIG = 'timezone: UTC\nhrChannel:\n  slack: CHR\n';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('reports and warnings through Slack', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ fileConfig: CONFIG, now: '2026-03-16T11:00:00Z' });
    const org = seedTeams(h.db.store, { managers: 1, reportsPerManager: 3 });
    const [a, b, c] = org.reports[0]!;
    seedWeeks(h.db.store, '2026-03-16', [
      { person: a!, weeks: [56, 54, 50, 47, 44, 42].map((tickets) => ({ tickets })) },
      { person: b!, weeks: steady(6) },
      { person: c!, weeks: steady(6) },
    ]);
  });
  afterEach(async () => h.close());

  it('/dandang report uploads the seven charts as PNG pictures into the asker’s DM, each with its summary', async () => {
    const res = await h.slackReq.slashCommand('UHR', '/dandang', 'report');
    expect(res.status).toBe(200);
    await waitFor(() => h.fake.callsTo('files.completeUploadExternal').length === 7, 'seven uploads');
    await h.slack.senderIdle();

    const completed = h.fake.callsTo('files.completeUploadExternal');
    expect(completed.every((c) => c.args.channel_id === 'DUHR')).toBe(true);
    const comments = completed.map((c) => String(c.args.initial_comment));
    expect(comments[0]).toBe('18 reviews due: 18 on time (100%), 0 late, 0 missing.');
    expect(comments).toHaveLength(7);
    const names = h.fake.callsTo('files.getUploadURLExternal').map((c) => String(c.args.filename));
    expect(names).toContain('kpiAttainment-last-8w.png');

    expect(h.fake.uploads).toHaveLength(7);
    for (const u of h.fake.uploads) {
      const at = u.data.indexOf(PNG_SIGNATURE);
      expect(at, 'a PNG file').toBeGreaterThanOrEqual(0);
      const picture = readPng(u.data.subarray(at));
      expect([picture.width, picture.height]).toEqual([960, 480]);
      // Not blank: even a chart with no data draws its title, axes and "no data" line.
      expect(inkShare(picture)).toBeGreaterThan(0.003);
    }
  });

  it('/dandang report export uploads the 《绩效报表》 as an .xlsx that opens in ExcelJS, a row per person per KPI', async () => {
    await h.slackReq.slashCommand('UHR', '/dandang', 'report export eng');
    await waitFor(() => h.fake.callsTo('files.completeUploadExternal').length === 1, 'the workbook upload');
    await h.slack.senderIdle();
    const [done] = h.fake.callsTo('files.completeUploadExternal');
    expect(done!.args.channel_id).toBe('DUHR');
    expect(String(done!.args.initial_comment)).toMatch(/3 people/);
    const [asked] = h.fake.callsTo('files.getUploadURLExternal');
    // Last week's period by default: Monday 16 March reads 2026-W11.
    expect(asked!.args.filename).toBe('performance-2026-W11-eng.xlsx');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(zipIn(h.fake.uploads[0]!.data) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['eng']);
    const sheet = wb.getWorksheet('eng')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 8)).toEqual([
      'Person',
      'Job',
      'KPI',
      'Unit',
      'Value',
      'Target',
      'Met or missed',
    ]);
    // 3 people × 2 KPIs; the declining one still met the target of 40 in W11 (42 tickets).
    expect(sheet.rowCount).toBe(7);
    const rows = [2, 3, 4, 5, 6, 7].map((r) => (sheet.getRow(r).values as unknown[]).slice(1, 8));
    expect(rows.filter((r) => r[2] === 'Tickets closed').map((r) => r[4])).toEqual([42, 50, 50]);
  });

  it('refuses someone who is not HR and uploads nothing', async () => {
    await h.slackReq.slashCommand('UM1', '/dandang', 'report');
    const answer = await waitFor(() => h.fake.responses[0], 'the refusal');
    expect(JSON.stringify(answer.body)).toContain('Only HR can see reports.');
    await h.slack.senderIdle();
    expect(h.fake.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  });

  it('the weekly warning reaches the manager as a DM whose button opens the training form', async () => {
    const run = await makeRunWeeklyWarnings({ store: h.db.store, clock: h.db.clock, settings: h.ctx.settings })();
    expect(run.warnings).toBe(1);
    h.slack.wakeSender();
    const [dm] = await waitFor(
      () => (h.fake.dmsWithKey('UM1', 'warnings:').length ? h.fake.dmsWithKey('UM1', 'warnings:') : null),
      'the warning DM',
    );
    expect(JSON.stringify(dm!.blocks)).toContain('Tickets closed worsening by 2.9 per week a period');
    const [plan] = buttonsIn(dm!.blocks);
    await h.slackReq.clickButton('UM1', plan!, { messageTs: dm!.ts });
    const view = await waitFor(
      () => h.fake.callsTo('views.open').at(-1)?.args.view as OpenedView | undefined,
      'the training form',
    );
    expect(view.callback_id).toBe('training.form');
    expect(JSON.stringify(view)).toContain('Tickets closed');
  });

  it('a supportive conversation button opens the schedule form, with an agenda about the person and not their figures', async () => {
    // Bob: two days of personal leave in each of the last three weeks, his teammates none.
    const addLeaves = makeAddLeaves({ store: h.db.store, clock: h.db.clock, settings: h.ctx.settings });
    for (const [from, to] of [
      ['2026-02-23', '2026-02-24'],
      ['2026-03-02', '2026-03-03'],
      ['2026-03-09', '2026-03-10'],
    ])
      expect(
        addLeaves({ leave: { personId: 'm1r2', startDate: from!, endDate: to!, reason: '', kind: 'personal' } }).ok,
      ).toBe(true);
    const run = await makeRunWeeklyWarnings({ store: h.db.store, clock: h.db.clock, settings: h.ctx.settings })();
    expect(run.warnings).toBe(2);
    h.slack.wakeSender();
    const [dm] = await waitFor(
      () => (h.fake.dmsWithKey('UM1', 'warnings:').length ? h.fake.dmsWithKey('UM1', 'warnings:') : null),
      'the warning DM',
    );
    expect(dm!.text).toBe('2 people may need help');
    const talk = buttonsIn(dm!.blocks).find((b) => /supportive conversation/.test(JSON.stringify(b)));
    expect(talk, 'the conversation button').toBeDefined();
    await h.slackReq.clickButton('UM1', talk!, { messageTs: dm!.ts });
    const view = await waitFor(
      () => h.fake.callsTo('views.open').at(-1)?.args.view as OpenedView | undefined,
      'the schedule form',
    );
    expect(view.callback_id).toBe('conversation.schedule_form');
    expect(JSON.stringify(view)).toContain('How things are going, and what you need from me.');
    // Nothing of the warning or the leave: the employee gets this agenda, and no KPI is chosen.
    expect(JSON.stringify(view)).not.toMatch(/leave|may need help|initial_options/i);
  });
});
