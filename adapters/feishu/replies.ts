/**
 * Answers to typed commands and menu clicks. Unlike card callbacks these have no synchronous
 * response, so the answer is a message: a reply to the user's message, or a DM for a menu click.
 * A long answer is several cards (see renderMessageCards), sent in order.
 */
import type * as lark from '@larksuiteoapi/node-sdk';
import { refusalMessage, type Reply } from '../../src/ui/model.js';
import { renderFormCards, renderMessageCards, type Card, type RenderDeps } from './render/card.js';
import { toTextMessage } from './render/markup.js';

export type ReplyTarget = { replyTo: string } | { openId: string };

export interface OutgoingContent {
  msg_type: 'interactive' | 'text';
  content: string;
}

export const cardContent = (c: Card): OutgoingContent => ({ msg_type: 'interactive', content: JSON.stringify(c) });

export function replyContent(reply: Reply, deps: RenderDeps): OutgoingContent[] {
  const text = (t: string): OutgoingContent[] => [
    { msg_type: 'text', content: JSON.stringify({ text: toTextMessage(t, deps.mentions) }) },
  ];
  switch (reply.kind) {
    case 'ok':
      if (reply.message) return renderMessageCards(reply.message, deps).map(cardContent);
      return text(reply.toast ?? deps.t('feishu.done'));
    case 'form':
      return renderFormCards(reply.form, deps).map(cardContent);
    case 'formErrors':
      return text(Object.values(reply.errors).join('\n') || deps.t('common.invalidInput'));
    case 'error':
      // With buttons that unblock it, the refusal is a card the person can act on.
      return reply.actions?.length
        ? renderMessageCards(refusalMessage(reply.text, reply.actions), deps).map(cardContent)
        : text(reply.text);
  }
}

/** Sends an answer (one message or several, in order). */
export async function sendReply(
  client: lark.Client,
  target: ReplyTarget,
  content: OutgoingContent | OutgoingContent[],
): Promise<void> {
  for (const one of Array.isArray(content) ? content : [content]) {
    const res =
      'replyTo' in target
        ? await client.im.v1.message.reply({ path: { message_id: target.replyTo }, data: one })
        : await client.im.v1.message.create({
            params: { receive_id_type: 'open_id' },
            data: { receive_id: target.openId, ...one },
          });
    if (res.code !== 0) throw new Error(`feishu reply failed: ${res.code} ${res.msg ?? ''}`);
  }
}
