/**
 * `/dandang report` and the weekly warnings through Feishu (long connection, the real Lark SDK
 * against the fake): each chart is uploaded as an image and sent as a card with the picture and
 * its summary under it, in Chinese; the warning card's button opens the training form.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, waitFor, type FeishuHarness } from './harness.js';
import { cardActionEvent, messageEvent } from '../../support/fake-feishu-callbacks.js';
import { buttonsIn, inputNames, textOf } from './card-helpers.js';
import { CONFIG } from './org.js';
import { seedOrg } from '../../support/org.js';
import { seedWeeks, steady } from '../../usecases/warning/support.js';
import { makeRunWeeklyWarnings } from '../../../src/usecases/warning/run-weekly-warnings.js';
import { inkShare, readPng } from '../reports/pixels.js';
import { makeAddLeaves } from '../../../src/usecases/org/add-leaves.js';
import ExcelJS from 'exceljs';

describe('reports and warnings through Feishu', () => {
  let h: FeishuHarness;
  beforeEach(async () => {
    h = await startFeishuHarness({ mode: 'ws', fileConfig: CONFIG, now: '2026-03-16T03:00:00Z' });
    const feishu = (id: string) => ({ feishuOpenId: `ou_${id}`, slackId: null });
    const [, , a, b] = seedOrg(h.db.store, {
      people: [
        { id: 'hana', name: '韩娜', role: 'hr', department: 'hr', jobId: null, ...feishu('hana') },
        { id: 'm1', name: '王经理', jobId: null, ...feishu('m1') },
        { id: 'zw', name: '张伟', managerId: 'm1', ...feishu('zw') },
        { id: 'lh', name: '李华', managerId: 'm1', ...feishu('lh') },
      ],
    });
    seedWeeks(h.db.store, '2026-03-16', [
      { person: a!, weeks: [56, 54, 50, 47, 44, 42].map((tickets) => ({ tickets })) },
      { person: b!, weeks: steady(6) },
    ]);
  });
  afterEach(async () => h.close());

  it('/dandang report sends each chart as an image card with its summary under the picture', async () => {
    await h.fake.pushEvent(messageEvent({ ...h.envelope(), openId: 'ou_hana', text: '/dandang report' }));
    const cards = await waitFor(() => {
      const withImages = h.fake.messagesTo('ou_hana').filter((m) => JSON.stringify(m.content).includes('"img"'));
      return withImages.length === 7 ? withImages : null;
    }, 'seven chart cards');
    expect(h.fake.images).toHaveLength(7);
    for (const image of h.fake.images) {
      expect(image.imageType).toBe('message');
      const picture = readPng(image.data);
      expect([picture.width, picture.height]).toEqual([960, 480]);
      expect(inkShare(picture)).toBeGreaterThan(0.003);
    }
    const first = cards[0]!.content;
    expect(first.header.title.content).toBe('各部门每周考核完成情况');
    const [img, summary] = first.body.elements;
    expect(img).toMatchObject({ tag: 'img', img_key: h.fake.images[0]!.imageKey });
    expect(summary.tag).toBe('div');
    expect(textOf(summary)).toBe('应完成考核 12 份：按时 12 份（100%），逾期 0 份，缺失 0 份。');
    expect(img.alt.content).toBe(textOf(summary));
  });

  it('the weekly warning card, in Chinese, opens the training form from its button', async () => {
    await makeRunWeeklyWarnings({ store: h.db.store, clock: h.db.clock, settings: h.ctx.settings })();
    h.feishu.wakeSender();
    const card = await waitFor(
      () => h.fake.messagesTo('ou_m1').find((m) => textOf(m.content).includes('张伟')),
      'the warning card',
    );
    expect(card.content.header.title.content).toBe('有 1 人可能需要帮助');
    expect(textOf(card.content)).toContain('**张伟**：Tickets closed每期变差 2.9 per week');
    const [plan] = buttonsIn(card.content);
    expect(plan!.label).toBe('安排培训');
    const opened = await h.fake.pushEvent(
      cardActionEvent({ ...h.envelope(), openId: 'ou_m1', value: plan!.value, messageId: card.messageId }),
    );
    expect(inputNames(opened.data.card.data)).toEqual(expect.arrayContaining(['goal']));
  });

  it('report export sends the 《绩效报表》 as an .xlsx file that opens in ExcelJS, in Chinese', async () => {
    await h.fake.pushEvent(messageEvent({ ...h.envelope(), openId: 'ou_hana', text: '/dandang report export' }));
    const sent = await waitFor(
      () => h.fake.messagesTo('ou_hana').find((m) => m.msgType === 'file'),
      'the file message',
    );
    const [file] = h.fake.files;
    expect(file!.fileName).toBe('performance-2026-W11.xlsx');
    expect(JSON.stringify(sent.content)).toContain(file!.fileKey);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file!.bytes as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['员工', '岗位', 'KPI']);
    // 张伟 and 李华, two KPIs each; 张伟's 42 tickets met the target of 40 in W11.
    expect(sheet.rowCount).toBe(5);
    const zw = [2, 3, 4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1)).filter((r) => r[0] === '张伟');
    expect(zw.find((r) => r[2] === 'Tickets closed')?.slice(4, 7)).toEqual([42, 40, '达标']);
  });

  it('the supportive conversation button, in Chinese, opens the schedule form with an agenda about the person', async () => {
    // 李华: two days of personal leave (事假) in each of the last three weeks, 张伟 none.
    const addLeaves = makeAddLeaves({ store: h.db.store, clock: h.db.clock, settings: h.ctx.settings });
    for (const [from, to] of [
      ['2026-02-23', '2026-02-24'],
      ['2026-03-02', '2026-03-03'],
      ['2026-03-09', '2026-03-10'],
    ])
      expect(
        addLeaves({ leave: { personId: 'lh', startDate: from!, endDate: to!, reason: '', kind: '事假' } }).ok,
      ).toBe(true);
    await makeRunWeeklyWarnings({ store: h.db.store, clock: h.db.clock, settings: h.ctx.settings })();
    h.feishu.wakeSender();
    const card = await waitFor(
      () => h.fake.messagesTo('ou_m1').find((m) => textOf(m.content).includes('李华')),
      'the warning card',
    );
    expect(card.content.header.title.content).toBe('有 2 人可能需要帮助');
    expect(textOf(card.content)).toContain('**李华**：连续 3 周请假天数高于团队平均');
    const talk = buttonsIn(card.content).find((b) => b.label === '约一次关怀谈话');
    expect(talk, 'the conversation button').toBeDefined();
    const opened = await h.fake.pushEvent(
      cardActionEvent({ ...h.envelope(), openId: 'ou_m1', value: talk!.value, messageId: card.messageId }),
    );
    const form = JSON.stringify(opened.data.card.data);
    expect(inputNames(opened.data.card.data)).toEqual(expect.arrayContaining(['date', 'agenda']));
    expect(form).toContain('近况如何，以及你需要我提供哪些支持。');
    expect(form).not.toMatch(/请假|可能需要帮助/);
  });
});
