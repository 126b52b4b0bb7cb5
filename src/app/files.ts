/**
 * Evidence files on records: Attach file (a form with a file input on Slack and the local
 * workspace; on Feishu, whose cards cannot carry a file, an ask to send it in the chat), the
 * submitted files (already checked and stored by the adapter, in `ev.files`), and Get files.
 */
import type { FeatureHandlers, UseCaseDeps } from './types.js';
import { ACTIONS, FORMS } from '../ui/actions.js';
import { formReply, toastReply } from './reply.js';
import { FILES_INPUT } from '../ui/screens/files/attach-form.js';
import { makeOpenAttachForm } from '../usecases/files/open-attach-form.js';
import { makeAttachFiles } from '../usecases/files/attach-files.js';
import { makeRequestFile } from '../usecases/files/request-file.js';
import { makeSendRecordFiles } from '../usecases/files/send-record-files.js';

export function filesHandlers(deps: UseCaseDeps): FeatureHandlers {
  const openForm = makeOpenAttachForm(deps);
  const attach = makeAttachFiles(deps);
  const requestFile = makeRequestFile(deps);
  const sendFiles = makeSendRecordFiles(deps);
  return {
    actions: {
      [ACTIONS.attachFile]: (ev) =>
        ev.actor.platform === 'feishu'
          ? toastReply(requestFile({ actorId: ev.actor.person.id, subject: ev.value }))
          : formReply(openForm({ actorId: ev.actor.person.id, subject: ev.value })),
      [ACTIONS.getFiles]: (ev) => toastReply(sendFiles({ actorId: ev.actor.person.id, subject: ev.value })),
    },
    forms: {
      [FORMS.attachFiles]: (ev) =>
        toastReply(
          attach({
            actorId: ev.actor.person.id,
            subject: ev.state,
            files: ev.files?.[FILES_INPUT] ?? [],
            via: ev.actor.platform,
          }),
        ),
    },
  };
}
