/**
 * Slash commands: ack at once (Slack's 3-second deadline), then resolve the actor, parse mentions,
 * dispatch, and answer with a modal or an ephemeral message.
 */
import type { App } from '@slack/bolt';
import { COMMAND_NAMES, type CommandName } from '../../../src/app/commands.js';
import { t } from '../../../src/ui/i18n/index.js';
import { parseCommandText, resolveActor } from '../parse.js';
import { replyToInteraction, type InteractionOrigin } from './reply.js';
import type { ListenerDeps } from './deps.js';

/**
 * Every command in the table, even one whose feature is left out of the router (a test composes a
 * single feature), so Slack never shows "dispatch_failed": the router answers "unknown command"
 * instead. One listener for all of them: Bolt runs the matchers of every listener on every request.
 */
const COMMAND = new RegExp(`^/(${COMMAND_NAMES.join('|')})$`);

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const name = command.command.slice(1) as CommandName;
    const actor = resolveActor(deps.store, command.user_id, deps.settings.locale);
    const origin: InteractionOrigin = {
      client,
      userId: command.user_id,
      locale: actor?.locale ?? deps.settings.locale,
      triggerId: command.trigger_id,
      respond,
      responseUrl: command.response_url,
      channelId: command.channel_id,
    };
    if (!actor)
      return replyToInteraction(
        { kind: 'error', code: 'NOT_FOUND', text: t(origin.locale, 'common.unknownPerson') },
        origin,
        deps.resolveMention,
      );
    const parsed = parseCommandText(command.text ?? '', (slackId) =>
      deps.store.read((tx) => tx.org.personBySlackId(slackId)),
    );
    if (parsed.unknown.length > 0) {
      return replyToInteraction(
        { kind: 'error', code: 'NOT_FOUND', text: t(actor.locale, 'common.unknownPerson') },
        origin,
        deps.resolveMention,
      );
    }
    const reply = await deps.router.dispatch({
      kind: 'command',
      actor,
      command: name,
      args: parsed.args,
      mentions: parsed.mentions,
    });
    deps.afterDispatch();
    await replyToInteraction(reply, origin, deps.resolveMention);
  });
}
