/**
 * Button clicks for every action id in src/ui/actions.ts (one regex), plus the Slack-only button
 * that opens an inline form as a modal. Ack first, then dispatch: views.open still has the
 * trigger_id for a few seconds after the ack.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTIONS, isActionId } from '../../../src/ui/actions.js';
import { t } from '../../../src/ui/i18n/index.js';
import { baseActionId, resolveActor } from '../parse.js';
import { decodeInlineForm, OPEN_INLINE_FORM } from '../render/inline-form.js';
import { replyToInteraction, type InteractionOrigin } from './reply.js';
import type { ListenerDeps } from './deps.js';
import { publishHome } from './events.js';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Every registered action id, with the `#n` suffix repeated buttons get. */
export const actionIdPattern = () =>
  new RegExp(`^(${[...Object.values(ACTIONS), OPEN_INLINE_FORM].map(escapeRegex).join('|')})(#\\d+)?$`);

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(actionIdPattern(), async ({ ack, body, action, respond, client }) => {
    await ack();
    const actor = resolveActor(deps.store, body.user.id, deps.settings.locale);
    const origin: InteractionOrigin = {
      client,
      userId: body.user.id,
      locale: actor?.locale ?? deps.settings.locale,
      triggerId: body.trigger_id,
      respond,
      responseUrl: body.response_url,
      channelId: body.channel?.id,
      inModal: body.view?.type === 'modal',
    };
    if (!actor)
      return replyToInteraction(
        { kind: 'error', code: 'NOT_FOUND', text: t(origin.locale, 'common.unknownPerson') },
        origin,
        deps.resolveMention,
      );
    const actionId = baseActionId(action.action_id);
    const value = (action as ButtonAction).value ?? '';
    if (actionId === OPEN_INLINE_FORM) {
      const form = decodeInlineForm(value);
      const reply = form
        ? ({ kind: 'form', form } as const)
        : ({ kind: 'error', code: 'INVALID_INPUT', text: t(actor.locale, 'slack.formTooLarge') } as const);
      return replyToInteraction(reply, origin, deps.resolveMention);
    }
    if (!isActionId(actionId)) return;
    const reply = await deps.router.dispatch({ kind: 'action', actor, actionId, value });
    deps.afterDispatch();
    await replyToInteraction(reply, origin, deps.resolveMention);
    // A button pressed in the App Home tab: draw the tab again, without what was just done.
    if (body.view?.type === 'home' && reply.kind === 'ok') await publishHome(deps, client, body.user.id);
  });
}
