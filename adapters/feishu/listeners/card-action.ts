/**
 * card.action.trigger → Router → `{ toast, card }` for the card the user clicked, and any more
 * cards for the clicker sent as messages right after (pages, a form opened from a group's card).
 */
import { parseCardAction, type ParsedCardAction } from '../parse/card-action.js';
import { renderCallbackAnswer, type CallbackResponse, type SubmittedForm } from '../render/reply.js';
import { cardContent } from '../replies.js';
import { submissionKey } from '../../submission-key.js';
import { translator } from '../../../src/ui/i18n/index.js';
import type { FormValues } from '../../../src/ui/model.js';
import { formMemory } from './form-memory.js';
import { actorByOpenId, localeByOpenId, mentionLookup, personByOpenId } from '../people.js';
import type { ListenerDeps } from './index.js';

/** Leaves room for the network inside Feishu's 3-second limit. */
export const CALLBACK_DEADLINE_MS = 2500;
const TIMED_OUT = Symbol('timed out');

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/** A person search answers with open_ids; the use cases speak person ids. Unknown ones stay as they are. */
function mapPeople(deps: ListenerDeps, values: FormValues, inputs: string[]): FormValues {
  if (!inputs.length) return values;
  const out = { ...values };
  for (const id of inputs) {
    const v = out[id];
    if (typeof v === 'string' && v) out[id] = personByOpenId(deps.store, v)?.id ?? v;
  }
  return out;
}

export function makeCardActionListener(deps: ListenerDeps) {
  const mentions = mentionLookup(deps.store);
  const remember = formMemory(deps);
  const submittedForm = (parsed: Extract<ParsedCardAction, { kind: 'submit' }>, values: FormValues) => {
    const form = parsed.form ?? (parsed.formKey ? deps.forms.find(parsed.formKey) : null);
    return form ? ({ form, values } satisfies SubmittedForm) : undefined;
  };
  return async (data: unknown): Promise<CallbackResponse> => {
    const parsed = parseCardAction(data);
    const openId = parsed?.openId ?? '';
    const t = translator(localeByOpenId(deps.store, openId, deps.settings));
    if (!parsed) return { toast: { type: 'error', content: t('feishu.staleCard') } };
    const actor = actorByOpenId(deps.store, parsed.openId, deps.settings);
    if (!actor) return { toast: { type: 'error', content: t('feishu.notRegistered') } };

    const values = parsed.kind === 'submit' ? mapPeople(deps, parsed.values, parsed.personInputs) : {};
    const dispatched =
      parsed.kind === 'action'
        ? deps.router.dispatch({ kind: 'action', actor, actionId: parsed.actionId, value: parsed.value })
        : deps.router.dispatch({
            kind: 'submit',
            actor,
            formId: parsed.formId,
            state: parsed.state,
            values,
            // Each callback has its own event id, so a second click on the same card's submit is
            // a new event: the card message and what it held say it is the same submission.
            submissionKey: submissionKey(`feishu:${parsed.messageId ?? ''}`, { ...parsed, values }),
          });
    // Feishu drops a callback answer after 3 s. A slow use case keeps running; its messages still go
    // out through the outbox, and the user is told so instead of seeing a timeout.
    const reply = await withDeadline(dispatched, deps.callbackDeadlineMs ?? CALLBACK_DEADLINE_MS);
    deps.onQueued();
    if (reply === TIMED_OUT) {
      void dispatched.then(deps.onQueued, (err: unknown) => deps.log.error({ err }, 'slow card action failed'));
      return { toast: { type: 'info', content: translator(actor.locale)('feishu.slow') } };
    }
    const answer = renderCallbackAnswer(
      reply,
      { t: translator(actor.locale), mentions, onForm: remember },
      {
        submitted: parsed.kind === 'submit' ? submittedForm(parsed, values) : undefined,
        shared: parsed.kind === 'action' && parsed.shared,
      },
    );
    // More pages, a form or answer from a group's card, the buttons that unblock a refusal: to the
    // clicker, as cards of their own beside the toast.
    if (answer.privately.length)
      void deps
        .send({ openId: parsed.openId }, answer.privately.map(cardContent))
        .catch((err: unknown) => deps.log.error({ err }, 'sending cards to the clicker failed'));
    return answer.response;
  };
}
