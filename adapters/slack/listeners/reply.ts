/**
 * A neutral Reply → what Slack expects: a modal, an ephemeral message, a DM, or (for a modal
 * submission) the body of the ack. Listeners call these after dispatching to the router.
 */
import type { WebClient } from '@slack/web-api';
import type { RespondFn } from '@slack/bolt';
import { refusalMessage, type Message, type Reply } from '../../../src/ui/model.js';
import type { Locale } from '../../../src/ports/records.js';
import { t, translator } from '../../../src/ui/i18n/index.js';
import {
  renderBlocks,
  renderMessagePages,
  type SlackBlock,
  type SlackMessage,
  type SlackRenderCtx,
} from '../render/message.js';
import { renderFormToModal, renderNoticeModal } from '../render/modal.js';
import { toPlain, type ResolveMention } from '../render/markup.js';
import { SLACK } from '../render/limits.js';

/** Where an interaction came from, as far as answering it goes. */
export interface InteractionOrigin {
  client: WebClient;
  userId: string;
  locale: Locale;
  triggerId?: string;
  /** Present for slash commands and message buttons; absent for buttons in modals and the Home tab. */
  respond?: RespondFn;
  responseUrl?: string;
  channelId?: string;
  /** True when the interaction happened inside an open modal (then forms are pushed onto it). */
  inModal?: boolean;
}

/** Shows a message only to the acting user, page by page (see renderMessagePages). */
export async function sendEphemeralPages(origin: InteractionOrigin, pages: SlackMessage[]): Promise<void> {
  for (const page of pages) await sendEphemeral(origin, page);
}

/** Shows `msg` only to the acting user: via response_url, chat.postEphemeral, or a DM as a last resort. */
export async function sendEphemeral(origin: InteractionOrigin, msg: SlackMessage): Promise<void> {
  if (origin.respond && origin.responseUrl) {
    await origin.respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: msg.text,
      blocks: msg.blocks as never,
    });
  } else if (origin.channelId && !origin.channelId.startsWith('D')) {
    await origin.client.chat.postEphemeral({
      channel: origin.channelId,
      user: origin.userId,
      text: msg.text,
      blocks: msg.blocks as never,
    });
  } else {
    await origin.client.chat.postMessage({ channel: origin.userId, text: msg.text, blocks: msg.blocks as never });
  }
}

/** A text answer as a message, so a long one is split like any other. */
const textMessage = (text: string): Message => ({ text, blocks: [{ type: 'text', text }] });

/** Answers a slash command or a button click (already acked). */
export async function replyToInteraction(
  reply: Reply,
  origin: InteractionOrigin,
  resolve: ResolveMention,
): Promise<void> {
  const ctx: SlackRenderCtx = { resolveMention: resolve, t: translator(origin.locale) };
  switch (reply.kind) {
    case 'form': {
      if (!origin.triggerId) throw new Error('a form reply needs a trigger_id');
      const view = renderFormToModal(reply.form, ctx);
      if (origin.inModal) await origin.client.views.push({ trigger_id: origin.triggerId, view: view as never });
      else await origin.client.views.open({ trigger_id: origin.triggerId, view: view as never });
      return;
    }
    case 'formErrors':
      return sendEphemeralPages(
        origin,
        renderMessagePages(
          textMessage(Object.values(reply.errors).join('\n') || t(origin.locale, 'common.invalidInput')),
          ctx,
        ),
      );
    case 'error':
      // A refusal with its unblocking buttons ("Mark the plan complete") is a message with actions.
      return sendEphemeralPages(
        origin,
        renderMessagePages(
          reply.actions?.length ? refusalMessage(reply.text, reply.actions) : textMessage(reply.text),
          ctx,
        ),
      );
    case 'ok':
      if (reply.message) return sendEphemeralPages(origin, renderMessagePages(reply.message, ctx));
      if (reply.toast) return sendEphemeralPages(origin, renderMessagePages(textMessage(reply.toast), ctx));
      return;
  }
}

/**
 * Whether an outcome message fits the notice modal that replaces a submitted form. One that does
 * not is sent to the user as a direct message instead (see views.ts), and the modal says so.
 */
export function fitsNoticeModal(message: Message, render: SlackRenderCtx): boolean {
  return renderBlocks(message.blocks, render).length <= SLACK.blocksPerModal;
}

/** The ack body for a view_submission. Validation errors stay in the modal, next to their input. */
export function viewSubmissionAck(
  reply: Reply,
  ctx: { locale: Locale; title: string; inputIds: string[]; resolve: ResolveMention },
): Record<string, unknown> | undefined {
  const render: SlackRenderCtx = { resolveMention: ctx.resolve, t: translator(ctx.locale) };
  const notice = (blocks: SlackBlock[]) => ({
    response_action: 'update',
    view: renderNoticeModal(ctx.title, blocks, t(ctx.locale, 'slack.close')),
  });
  const lines = (text: string) => renderBlocks(textMessage(text).blocks, render);
  switch (reply.kind) {
    case 'form':
      return { response_action: 'update', view: renderFormToModal(reply.form, render) };
    case 'formErrors': {
      // Slack shows these as plain text, and rejects the whole ack if a key is not an input block
      // of the view: an error for no input joins the first input error instead of being dropped.
      const errors: Record<string, string> = {};
      const unplaced: string[] = [];
      for (const [id, text] of Object.entries(reply.errors)) {
        if (ctx.inputIds.includes(id)) errors[id] = toPlain(text, ctx.resolve);
        else unplaced.push(toPlain(text, ctx.resolve));
      }
      const first = ctx.inputIds.find((id) => id in errors);
      if (!first) return notice(lines(Object.values(reply.errors).join('\n') || t(ctx.locale, 'common.invalidInput')));
      if (unplaced.length) errors[first] = [errors[first], ...unplaced].join('\n');
      return { response_action: 'errors', errors };
    }
    case 'error':
      return notice(
        reply.actions?.length
          ? renderBlocks(refusalMessage(reply.text, reply.actions).blocks, render)
          : lines(reply.text),
      );
    case 'ok':
      if (reply.message)
        return notice(
          fitsNoticeModal(reply.message, render)
            ? renderBlocks(reply.message.blocks, render)
            : lines(t(ctx.locale, 'slack.sentAsDm')),
        );
      if (reply.toast) return notice(lines(reply.toast));
      return undefined; // closes the modal
  }
}
