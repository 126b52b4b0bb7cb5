/**
 * A command typed to the bot in its DM (the Messages tab). Slack turns only an ASCII `/review` into
 * a slash command; `／review status`, as a Chinese IME types it, arrives as a message, and so does
 * `review status`. Both are read here as Feishu reads a typed command, through the same parser
 * (typedCommand in src/app/commands.ts), and answered in the DM. A form comes as a button that
 * opens it: a message event has no trigger_id to open a modal with.
 */
import type { App } from '@slack/bolt';
import { typedCommand } from '../../../src/app/commands.js';
import { t, translator } from '../../../src/ui/i18n/index.js';
import { retryWhileBusy } from '../../../src/ports/store.js';
import { parseCommandText, resolveActor } from '../parse.js';
import { renderMessagePages } from '../render/message.js';
import { replyToInteraction, sendEphemeralPages, type InteractionOrigin } from './reply.js';
import type { ListenerDeps } from './deps.js';

/** The fields of a `message.im` event this listener reads. */
interface ImMessage {
  channel_type?: string;
  channel?: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
}

export function registerMessages(app: App, deps: ListenerDeps): void {
  app.event('message', async ({ event, body, client }) => {
    const m = event as ImMessage;
    // Only people's own messages in the bot's DM: no edits, joins or bots (our own posts included).
    if (m.channel_type !== 'im' || m.subtype || m.bot_id || !m.user || !m.channel) return;
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !(await retryWhileBusy(() => deps.store.tx((tx) => tx.markProcessed(`slack:${eventId}`))))) return;
    const actor = resolveActor(deps.store, m.user, deps.settings.locale);
    const origin: InteractionOrigin = {
      client,
      userId: m.user,
      locale: actor?.locale ?? deps.settings.locale,
      channelId: m.channel,
    };
    const say = (text: string) =>
      replyToInteraction({ kind: 'error', code: 'INVALID_INPUT', text }, origin, deps.resolveMention);
    if (!actor) return say(t(origin.locale, 'common.unknownPerson'));

    const parsed = parseCommandText(m.text ?? '', (slackId) =>
      deps.store.read((tx) => tx.org.personBySlackId(slackId)),
    );
    const typed = typedCommand(parsed.args, { slashOptional: true });
    if (!typed) return say(t(actor.locale, 'slack.typedHint'));
    if (parsed.unknown.length) return say(t(actor.locale, 'common.unknownPerson'));
    const reply = await deps.router.dispatch({
      kind: 'command',
      actor,
      command: typed.command,
      args: typed.args,
      mentions: parsed.mentions,
    });
    deps.afterDispatch();
    if (reply.kind !== 'form') return replyToInteraction(reply, origin, deps.resolveMention);
    const ctx = { resolveMention: deps.resolveMention, t: translator(actor.locale) };
    return sendEphemeralPages(
      origin,
      renderMessagePages({ text: reply.form.title, blocks: [{ type: 'form', form: reply.form }] }, ctx),
    );
  });
}
