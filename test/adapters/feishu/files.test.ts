/**
 * Evidence files through Feishu, with the real Lark SDK against the fake: a file sent as a reply to
 * a record's card attaches to that record; a file sent in the DM right after Attach file goes to the
 * record asked for; the bot reads each with the message-resource API. A `.pdf` that is an executable
 * and an oversize file are refused with nothing stored. The dossier uploaded into the case thread is
 * a ZIP holding the file with its hash.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { startFeishuHarness, waitFor, type FeishuHarness } from './harness.js';
import { cardActionEvent, fileMessageEvent, messageEvent } from '../../support/fake-feishu-callbacks.js';
import { buttonsIn } from './card-helpers.js';
import { CONFIG, seedOrg } from './org.js';
import { makeCreateNote } from '../../../src/usecases/evidence/create-note.js';
import { exe, pdf, png } from '../../support/sample-files.js';
import {
  createEvidenceNote,
  openPerformanceCase,
  sha256 as sha,
  storedFileCount,
} from '../../support/evidence-files.js';

describe('evidence files through Feishu', () => {
  let h: FeishuHarness;
  let noteId: number;
  const deps = () => ({ store: h.db.store, clock: h.db.clock, settings: h.ctx.settings });
  beforeEach(async () => {
    h = await startFeishuHarness({
      mode: 'ws',
      fileConfig: `${CONFIG}files:\n  maxMegabytes: 1\n`,
      now: '2026-11-24T02:00:00Z',
    });
    seedOrg(h);
    noteId = createEvidenceNote(deps(), {
      actorId: 'm1',
      personId: 'zw',
      heldOn: '2026-11-23',
      discussion: '电话量 25，目标 40',
    });
  });
  afterEach(async () => h.close());

  const stored = () => storedFileCount(join(h.db.dir, 'files'));
  const attachedTo = (type: 'note' | 'case', id: number) =>
    h.db.store.read((tx) => tx.attachments.forSubject({ type, id }));

  /** The manager presses Attach file on the note: Feishu's answer is to send the file in the chat. */
  async function askForFile(): Promise<string> {
    const res = await h.fake.pushEvent(
      cardActionEvent({ ...h.envelope(), openId: 'ou_m1', value: { a: 'files.attach', v: `note:${noteId}` } }),
    );
    return res.data.toast.content as string;
  }

  /** `openId` sends `bytes` as a file in message `messageId` (a reply to `parentId` when given). */
  async function sendFile(o: {
    openId: string;
    messageId: string;
    name: string;
    bytes: Uint8Array;
    parentId?: string;
    chatType?: 'p2p' | 'group';
    chatId?: string;
  }) {
    // In a group the answer is a DM to the sender; in the DM, a reply to the file.
    const dmsBefore = h.fake.messagesTo(o.openId).length;
    h.fake.sendsFile(o.messageId, `file_${o.messageId}`, o.bytes);
    await h.fake.pushEvent(
      fileMessageEvent({ ...h.envelope(), ...o, fileKey: `file_${o.messageId}`, fileName: o.name }),
    );
    return waitFor(
      () => (o.chatType === 'group' ? h.fake.messagesTo(o.openId)[dmsBefore] : h.fake.repliesTo(o.messageId)[0]),
      'the bot’s answer',
    );
  }

  it('a file sent in the DM right after Attach file goes to that note, read with the message-resource API', async () => {
    expect(await askForFile()).toContain('10 分钟内');
    const sheet = pdf('沟通记录');
    const answer = await sendFile({ openId: 'ou_m1', messageId: 'om_f1', name: '沟通记录截图.pdf', bytes: sheet });
    expect(answer.content.text).toContain('沟通记录截图.pdf');
    const read = h.fake.calls.find((c) => c.path.endsWith('/resources/file_om_f1'))!;
    expect(read).toMatchObject({ method: 'GET', path: '/open-apis/im/v1/messages/om_f1/resources/file_om_f1' });
    expect(read.query.type).toBe('file');
    expect(attachedTo('note', noteId)).toMatchObject([
      { name: '沟通记录截图.pdf', sha256: sha(sheet), mime: 'application/pdf', via: 'feishu', uploadedBy: 'm1' },
    ]);
    expect(stored()).toBe(1);

    // The ask is used up: the next file, with no reply and no ask, is not attached anywhere.
    const again = await sendFile({ openId: 'ou_m1', messageId: 'om_f2', name: 'x.png', bytes: png(3) });
    expect(again.content.text).toContain('添加附件');
    expect(attachedTo('note', noteId)).toHaveLength(1);
    expect(stored()).toBe(1);
  });

  it('an image sent after the ask is stored under its real type', async () => {
    await askForFile();
    const shot = png(7);
    h.fake.sendsFile('om_img', 'img_v3_1', shot, 'image');
    await h.fake.pushEvent(
      fileMessageEvent({ ...h.envelope(), openId: 'ou_m1', messageId: 'om_img', fileKey: 'img_v3_1', type: 'image' }),
    );
    await waitFor(() => h.fake.repliesTo('om_img')[0], 'the answer');
    expect(attachedTo('note', noteId)).toMatchObject([{ name: 'image.png', mime: 'image/png', sha256: sha(shot) }]);
  });

  it('refuses a .pdf that is an executable, and an oversize file, naming them, with nothing stored', async () => {
    await askForFile();
    const wrong = await sendFile({ openId: 'ou_m1', messageId: 'om_exe', name: '合同.pdf', bytes: exe() });
    expect(wrong.content.text).toMatch(
      /^合同\.pdf 不是图片、PDF 或办公文档：无论文件名如何，其实际内容为 `?exe`?。未保存任何内容。$/,
    );
    const big = Buffer.concat([pdf(), Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await sendFile({ openId: 'ou_m1', messageId: 'om_big', name: '扫描件.pdf', bytes: big });
    expect(tooBig.content.text).toContain('扫描件.pdf');
    expect(tooBig.content.text).toContain('1 MB');
    expect(stored()).toBe(0);
    expect(attachedTo('note', noteId)).toEqual([]);
  });

  it('the employee cannot attach to their own record by replying to its card; nothing is stored', async () => {
    // A shared note reaches the employee as a card; a file in reply to it is refused for them.
    const shared = makeCreateNote(deps())({
      actorId: 'm1',
      personId: 'zw',
      values: { kind: 'one_on_one', held_on: '2026-11-23', discussion: '一对一', visibility: 'shared' },
    });
    if (!shared.ok) throw new Error(shared.message);
    const card = await waitFor(() => h.fake.messagesTo('ou_zw')[0], 'the note card to the employee');
    const answer = await sendFile({
      openId: 'ou_zw',
      messageId: 'om_zw',
      name: 'a.pdf',
      bytes: pdf(),
      parentId: card.messageId,
    });
    expect(answer.content.text).toBe('你没有权限执行此操作。');
    expect(stored()).toBe(0);
    expect(attachedTo('note', shared.value.note.id)).toEqual([]);
  });

  it('a file shared in a group, not in reply to one of our cards, is left alone', async () => {
    await askForFile();
    h.fake.sendsFile('om_group', 'file_group', pdf('agenda'));
    await h.fake.pushEvent(
      fileMessageEvent({
        ...h.envelope(),
        openId: 'ou_m1',
        messageId: 'om_group',
        fileKey: 'file_group',
        fileName: 'agenda.pdf',
        chatType: 'group',
        chatId: 'oc_team',
      }),
    );
    // A command typed after it is answered, so the file event was handled (and ignored) first.
    await h.fake.pushEvent(
      messageEvent({ ...h.envelope(), openId: 'ou_m1', text: '/dandang help', messageId: 'om_help' }),
    );
    await waitFor(() => h.fake.repliesTo('om_help')[0], 'the answer to the command');
    expect(h.fake.calls.some((c) => c.path.includes('/resources/'))).toBe(false);
    expect(h.fake.messagesTo('ou_m1')).toEqual([]);
    expect(attachedTo('note', noteId)).toEqual([]);
  });

  it('HR replies to the case card in the HR chat with the signed notice; the dossier in the thread is a ZIP holding it with its hash', async () => {
    const caseId = openPerformanceCase(deps(), { actorId: 'hana', employeeId: 'zw' });
    h.feishu.wakeSender();
    const root = await waitFor(() => h.fake.messagesTo('oc_hr')[0], 'the case card in the HR chat');
    expect(buttonsIn(root.content).length).toBeGreaterThan(0);

    const notice = pdf('解除通知书 已签收');
    await sendFile({
      openId: 'ou_hana',
      messageId: 'om_notice',
      name: '解除通知书.pdf',
      bytes: notice,
      parentId: root.messageId,
      chatType: 'group',
      chatId: 'oc_hr',
    });
    await waitFor(() => attachedTo('case', caseId).length === 1, 'the notice attached to the case');
    expect(attachedTo('case', caseId)).toMatchObject([{ name: '解除通知书.pdf', sha256: sha(notice), via: 'feishu' }]);

    await h.fake.pushEvent(
      messageEvent({
        ...h.envelope(),
        openId: 'ou_hana',
        text: `/offboard dossier ${caseId}`,
        messageId: 'om_dossier',
      }),
    );
    const zipFile = await waitFor(
      () => h.fake.files.find((f) => f.fileName.endsWith('.zip')),
      'the dossier ZIP uploaded',
      20_000,
    );
    const zip = unzipSync(new Uint8Array(zipFile.bytes));
    const path = Object.keys(zip).find((p) => p.startsWith(`files/${sha(notice).slice(0, 12)}-`))!;
    expect(path).toBeTruthy();
    expect(sha(zip[path]!)).toBe(sha(notice));
    expect(JSON.parse(strFromU8(zip['manifest.json']!)).files).toMatchObject([
      { path, sha256: sha(notice), record: { type: 'case', id: caseId } },
    ]);
    // Posted in the case's thread in the HR chat.
    const fileMessage = await waitFor(
      () => h.fake.messages.find((m) => m.msgType === 'file' && m.content.file_key === zipFile.fileKey),
      'the dossier message',
    );
    expect(fileMessage.rootId).toBe(root.messageId);
  });
});
