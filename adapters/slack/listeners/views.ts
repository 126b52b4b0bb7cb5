/**
 * Modal submissions, by callback_id = form id. Unlike buttons, the use case runs BEFORE the ack:
 * its answer (inline field errors, the next form, an outcome notice) IS the ack body. That is fine
 * for the 3-second deadline because validation and the SQLite write are synchronous and fast. A
 * modal with files fetches them first (../files.ts), under a deadline that leaves room for the ack.
 */
import type { App, ViewSubmitAction } from '@slack/bolt';
import { FORMS, isFormId } from '../../../src/ui/actions.js';
import { t } from '../../../src/ui/i18n/index.js';
import { parseViewValues, resolveActor } from '../parse.js';
import { fitsNoticeModal, viewSubmissionAck } from './reply.js';
import { submissionKey } from '../../submission-key.js';
import { renderMessagePages } from '../render/message.js';
import { translator } from '../../../src/ui/i18n/index.js';
import type { ListenerDeps } from './deps.js';
import type { Reply } from '../../../src/ui/model.js';
import { parseViewFiles } from '../parse.js';
import { fetchSlackFiles } from '../files.js';
import { maxFileBytes, submitWithFiles, type ReceivedFile } from '../../files/intake.js';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const formIdPattern = () => new RegExp(`^(${Object.values(FORMS).map(escapeRegex).join('|')})$`);

export function registerViews(app: App, deps: ListenerDeps): void {
  /** Files chosen in the modal: fetched with the bot token, then checked and stored with the submission. */
  const submitFiles = async (
    ev: Parameters<typeof submitWithFiles>[1],
    chosen: ReturnType<typeof parseViewFiles>,
    client: Parameters<typeof fetchSlackFiles>[0],
  ): Promise<Reply> => {
    const t = translator(ev.actor.locale);
    const received: Record<string, ReceivedFile[]> = {};
    for (const [inputId, refs] of Object.entries(chosen)) {
      const fetched = await fetchSlackFiles(client, refs, {
        token: client.token ?? '',
        maxBytes: maxFileBytes(deps.settings),
        t,
      });
      if (!fetched.ok) return { kind: 'formErrors', errors: { [inputId]: fetched.message } };
      received[inputId] = fetched.files;
    }
    return submitWithFiles({ ...deps, router: deps.router }, ev, received);
  };

  app.view<ViewSubmitAction>(formIdPattern(), async ({ ack, body, view, client }) => {
    const actor = resolveActor(deps.store, body.user.id, deps.settings.locale);
    const locale = actor?.locale ?? deps.settings.locale;
    const inputIds = view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id ?? '');
    const ackCtx = { locale, title: view.title.text, inputIds, resolve: deps.resolveMention };
    if (!actor || !isFormId(view.callback_id)) {
      await ack(
        viewSubmissionAck(
          { kind: 'error', code: 'NOT_FOUND', text: t(locale, 'common.unknownPerson') },
          ackCtx,
        ) as never,
      );
      return;
    }
    let reply: Reply;
    try {
      const submitted = {
        formId: view.callback_id,
        state: view.private_metadata ?? '',
        values: parseViewValues(
          view.state.values as never,
          (slackId) => deps.store.read((tx) => tx.org.personBySlackId(slackId))?.id ?? null,
        ),
      };
      // A view's id and hash change whenever it is opened or updated: a double click or a retried
      // delivery of this same submission carries both unchanged.
      const instance = `slack:${view.id}:${view.hash}`;
      const ev = { kind: 'submit' as const, actor, ...submitted, submissionKey: submissionKey(instance, submitted) };
      const chosen = parseViewFiles(view.state.values as never);
      reply = Object.keys(chosen).length
        ? await submitFiles(ev, chosen, client as never)
        : await deps.router.dispatch(ev);
    } catch (err) {
      // A bug: still answer inside Slack's deadline so the modal says so, then let Bolt log it.
      await ack(
        viewSubmissionAck({ kind: 'error', code: 'BUG', text: t(locale, 'slack.somethingWrong') }, ackCtx) as never,
      );
      throw err;
    }
    await ack(viewSubmissionAck(reply, ackCtx) as never);
    deps.afterDispatch();
    // An outcome too long for the modal goes to the user's DM, as the modal says.
    const render = { resolveMention: deps.resolveMention, t: translator(locale) };
    if (reply.kind === 'ok' && reply.message && !fitsNoticeModal(reply.message, render))
      for (const page of renderMessagePages(reply.message, render))
        await client.chat.postMessage({ channel: body.user.id, text: page.text, blocks: page.blocks as never });
  });
}
