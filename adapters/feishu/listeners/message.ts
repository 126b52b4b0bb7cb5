/**
 * im.message.receive_v1: a command typed to the bot (DM, or @bot in a group) → Router → the answer,
 * as a reply in the DM or as a DM to the sender for a group. A file or an image is an evidence file
 * for a record (./file-message.ts).
 */
import { parseCommandText, substituteMentions, textOfMessage, type MentionRef } from '../parse/command-text.js';
import { replyContent, sendReply } from '../replies.js';
import { translator } from '../../../src/ui/i18n/index.js';
import { actorByOpenId, localeByOpenId, mentionLookup, personByOpenId } from '../people.js';
import type { ListenerDeps } from './index.js';
import { formMemory } from './form-memory.js';
import { receiveFileMessage } from './file-message.js';
import { fileOfMessage } from '../files.js';

interface ReceiveEvent {
  sender?: { sender_id?: { open_id?: string }; sender_type?: string };
  message?: {
    message_id?: string;
    /** Set on a reply: the message replied to, and its thread's root. */
    parent_id?: string;
    root_id?: string;
    chat_id?: string;
    chat_type?: string;
    message_type?: string;
    content?: string;
    mentions?: { key?: string; id?: { open_id?: string }; name?: string }[];
  };
}

export function makeMessageListener(deps: ListenerDeps) {
  const mentionsInCards = mentionLookup(deps.store);
  return async (data: ReceiveEvent): Promise<void> => {
    const openId = data.sender?.sender_id?.open_id;
    const messageId = data.message?.message_id;
    // Other bots (and our own messages) are not commands.
    if (!openId || !messageId || data.sender?.sender_type === 'app') return;
    const text = textOfMessage(data.message?.message_type, data.message?.content);
    const t = translator(localeByOpenId(deps.store, openId, deps.settings));
    // Answers can hold HR data, so a command typed in a group is answered privately by DM.
    const target = data.message?.chat_type === 'p2p' ? { replyTo: messageId } : { openId };
    const answer = (content: Parameters<typeof sendReply>[2]) => deps.send(target, content);
    const plainText = (s: string) => answer({ msg_type: 'text', content: JSON.stringify({ text: s }) });

    const file = fileOfMessage(data.message?.message_type, data.message?.content);
    if (file) {
      const reply = await receiveFileMessage(deps, {
        openId,
        messageId,
        chatType: data.message?.chat_type,
        chatId: data.message?.chat_id,
        parentId: data.message?.parent_id,
        rootId: data.message?.root_id,
        file,
      });
      if (reply === 'ignore') return;
      if (!reply) return plainText(t('feishu.notRegistered'));
      return answer(replyContent(reply, { t, mentions: mentionsInCards, onForm: formMemory(deps) }));
    }

    const mentions: MentionRef[] = (data.message?.mentions ?? []).flatMap((m) =>
      m.key && m.id?.open_id ? [{ key: m.key, openId: m.id.open_id, name: m.name ?? m.key }] : [],
    );
    const parsed = text === null ? null : parseCommandText(text, mentions);
    if (!parsed) return plainText(t('feishu.notACommand'));
    const actor = actorByOpenId(deps.store, openId, deps.settings);
    if (!actor) return plainText(t('feishu.notRegistered'));

    const resolved: { key: string; personId: string }[] = [];
    for (const m of parsed.mentions) {
      const person = personByOpenId(deps.store, m.openId);
      if (!person) return plainText(t('feishu.unknownMention', { name: m.name }));
      resolved.push({ key: m.key, personId: person.id });
    }
    const reply = await deps.router.dispatch({
      kind: 'command',
      actor,
      command: parsed.command,
      args: substituteMentions(parsed.args, resolved),
      mentions: resolved.map((r) => r.personId),
    });
    deps.onQueued();
    return answer(
      replyContent(reply, { t: translator(actor.locale), mentions: mentionsInCards, onForm: formMemory(deps) }),
    );
  };
}
