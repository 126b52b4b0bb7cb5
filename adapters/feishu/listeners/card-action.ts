/** card.action.trigger → Router → `{ toast, card }` for the card the user clicked. */
import { parseCardAction } from '../parse/card-action.js';
import { renderCallbackResponse, type CallbackResponse } from '../render/reply.js';
import { translator } from '../../../src/ui/i18n/index.js';
import { actorByOpenId, localeOf, mentionLookup, personByOpenId } from '../people.js';
import type { ListenerDeps } from './index.js';

export function makeCardActionListener(deps: ListenerDeps) {
  const mentions = mentionLookup(deps.store);
  return async (data: unknown): Promise<CallbackResponse> => {
    const parsed = parseCardAction(data);
    const openId = parsed?.openId ?? '';
    const t = translator(localeOf(openId ? personByOpenId(deps.store, openId) : null));
    if (!parsed) return { toast: { type: 'error', content: t('feishu.staleCard') } };
    const actor = actorByOpenId(deps.store, parsed.openId);
    if (!actor) return { toast: { type: 'error', content: t('feishu.notRegistered') } };

    const reply =
      parsed.kind === 'action'
        ? await deps.router.dispatch({ kind: 'action', actor, actionId: parsed.actionId, value: parsed.value })
        : await deps.router.dispatch({ kind: 'submit', actor, formId: parsed.formId, state: parsed.state, values: parsed.values });
    deps.onQueued();
    const submitted = parsed.kind === 'submit' && parsed.form ? { form: parsed.form, values: parsed.values } : undefined;
    return renderCallbackResponse(reply, { t: translator(actor.locale), mentions }, submitted);
  };
}
