/** card.action.trigger → Router → `{ toast, card }` for the card the user clicked. */
import { parseCardAction } from '../parse/card-action.js';
import { submissionKey } from '../../submission-key.js';
import { refusalCard, renderCallbackResponse, type CallbackResponse } from '../render/reply.js';
import { translator } from '../../../src/ui/i18n/index.js';
import { actorByOpenId, localeByOpenId, mentionLookup } from '../people.js';
import type { ListenerDeps } from './index.js';

/** Leaves room for the network inside Feishu's 3-second limit. */
export const CALLBACK_DEADLINE_MS = 2500;
const TIMED_OUT = Symbol('timed out');

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

export function makeCardActionListener(deps: ListenerDeps) {
  const mentions = mentionLookup(deps.store);
  return async (data: unknown): Promise<CallbackResponse> => {
    const parsed = parseCardAction(data);
    const openId = parsed?.openId ?? '';
    const t = translator(localeByOpenId(deps.store, openId, deps.settings));
    if (!parsed) return { toast: { type: 'error', content: t('feishu.staleCard') } };
    const actor = actorByOpenId(deps.store, parsed.openId, deps.settings);
    if (!actor) return { toast: { type: 'error', content: t('feishu.notRegistered') } };

    const dispatched =
      parsed.kind === 'action'
        ? deps.router.dispatch({ kind: 'action', actor, actionId: parsed.actionId, value: parsed.value })
        : deps.router.dispatch({
            kind: 'submit',
            actor,
            formId: parsed.formId,
            state: parsed.state,
            values: parsed.values,
            // Each callback has its own event id, so a second click on the same card's submit is
            // a new event: the card message and what it held say it is the same submission.
            submissionKey: submissionKey(`feishu:${parsed.messageId ?? ''}`, parsed),
          });
    // Feishu drops a callback answer after 3 s. A slow use case keeps running; its messages still go
    // out through the outbox, and the user is told so instead of seeing a timeout.
    const reply = await withDeadline(dispatched, deps.callbackDeadlineMs ?? CALLBACK_DEADLINE_MS);
    deps.onQueued();
    if (reply === TIMED_OUT) {
      void dispatched.then(deps.onQueued, (err: unknown) => console.error('[feishu] slow card action failed', err));
      return { toast: { type: 'info', content: translator(actor.locale)('feishu.slow') } };
    }
    const submitted =
      parsed.kind === 'submit' && parsed.form ? { form: parsed.form, values: parsed.values } : undefined;
    const renderDeps = { t: translator(actor.locale), mentions };
    // The buttons that unblock a refusal arrive as their own card beside the toast.
    const unblock = refusalCard(reply, renderDeps);
    if (unblock)
      void deps
        .send({ openId: parsed.openId }, { msg_type: 'interactive', content: JSON.stringify(unblock) })
        .catch((err: unknown) => console.error('[feishu] sending a refusal card failed', err));
    return renderCallbackResponse(reply, renderDeps, submitted);
  };
}
