/**
 * A file or an image sent to the bot (im.message.receive_v1 with message_type file/image): an
 * evidence file for a record (issue 16). It goes to the record whose card the person replied to
 * (`parent_id` → the outbox key that card was sent under), else to the record the bot last asked a
 * file for; the use case decides which and whether the person may attach there. The file is read,
 * checked by content and size, and stored before the use case runs; a refusal stores nothing.
 */
import { FORMS } from '../../../src/ui/actions.js';
import { FILES_INPUT } from '../../../src/ui/screens/files/attach-form.js';
import { translator } from '../../../src/ui/i18n/index.js';
import { maxFileBytes, submitWithFiles } from '../../files/intake.js';
import { fetchFeishuFile, type FeishuFileRef } from '../files.js';
import { actorByOpenId } from '../people.js';
import type { Reply } from '../../../src/ui/model.js';
import type { ListenerDeps } from './index.js';

export interface FileMessage {
  openId: string;
  messageId: string;
  /** `p2p` (the person's chat with the bot) or `group`. */
  chatType: string | undefined;
  chatId: string | undefined;
  /** The message replied to (`parent_id`), and the thread's root (`root_id`). */
  parentId: string | undefined;
  rootId: string | undefined;
  file: FeishuFileRef;
}

/**
 * The answer to a file message: null when the sender is not someone we know, 'ignore' for a file
 * shared in a group that is not a reply to one of our cards (people share files there all day).
 */
export async function receiveFileMessage(deps: ListenerDeps, m: FileMessage): Promise<Reply | 'ignore' | null> {
  const inDm = m.chatType === 'p2p';
  // Cards to a person are addressed by their open_id; cards in a group by the chat's id.
  const address = inDm ? m.openId : m.chatId;
  const repliedTo = [m.parentId, m.rootId].filter((x): x is string => !!x);
  const key =
    address && deps.fileIntake
      ? repliedTo.map((ref) => deps.fileIntake!.keyOfSentMessage(address, ref)).find((k) => k)
      : undefined;
  if (!inDm && !key) return 'ignore';
  const actor = actorByOpenId(deps.store, m.openId, deps.settings);
  if (!actor || !deps.fileIntake) return null;
  const { client, files } = deps.fileIntake;
  const fetched = await fetchFeishuFile(client, m.messageId, m.file, {
    maxBytes: maxFileBytes(deps.settings),
    t: translator(actor.locale),
  });
  if (!fetched.ok) return { kind: 'error', code: 'INVALID_INPUT', text: fetched.message };
  const reply = await submitWithFiles(
    { router: deps.router, store: deps.store, files, settings: deps.settings },
    {
      kind: 'submit',
      actor,
      formId: FORMS.attachFiles,
      state: key ? `outbox:${key}` : 'pending',
      values: {},
      submissionKey: `feishu:file:${m.messageId}`,
    },
    { [FILES_INPUT]: [fetched.file] },
  );
  deps.onQueued();
  return reply;
}
