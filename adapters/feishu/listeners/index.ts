/**
 * Registers one listener per Feishu event type on the guarded dispatcher. Each runs at most once
 * per event_id and never throws out of the dispatcher.
 */
import type * as lark from '@larksuiteoapi/node-sdk';
import type { Router } from '../../../src/app/router.js';
import type { Store } from '../../../src/ports/store.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import { translator } from '../../../src/ui/i18n/index.js';
import { once, type GuardedDispatcher, type GuardOptions } from '../guard.js';
import type { ReplyTarget, OutgoingContent } from '../replies.js';
import type { CallbackResponse } from '../render/reply.js';
import type { FormSnapshots } from '../../../db/repos/form-snapshots.js';
import { makeCardActionListener } from './card-action.js';
import { makeMessageListener } from './message.js';
import { makeMenuListener } from './menu.js';

import type { Logger } from '../../../src/ports/logger.js';
import type { FileStore } from '../../../src/ports/files.js';

export interface ListenerDeps {
  store: Store;
  router: Router;
  /** The organisation's language (for people who name none, open_ids we do not know), the file size limit. */
  settings: Pick<AppSettings, 'locale' | 'files'>;
  /**
   * Files sent to the bot (./file-message.ts): read with the client, stored in the FileStore; the
   * record a reply is about comes from the key of the message replied to.
   */
  fileIntake?: {
    client: lark.Client;
    files: FileStore;
    keyOfSentMessage: (address: string, messageId: string) => string | null;
  };
  /** Sends an answer (messages, in order); failures are logged by the caller, never thrown into the dispatcher. */
  send: (target: ReplyTarget, content: OutgoingContent | OutgoingContent[]) => Promise<void>;
  /** Snapshots of the forms shown in cards, so a rejected submission can be shown again. */
  forms: FormSnapshots;
  /** A use case may have queued outbox rows: wake the sender. */
  onQueued: () => void;
  /** For work that fails after the answer was given (a slow card action). */
  log: Logger;
  /** How long a card callback may take before it answers "still working" (default 2.5 s). */
  callbackDeadlineMs?: number;
}

export function registerListeners(dispatcher: GuardedDispatcher, guard: GuardOptions, deps: ListenerDeps): void {
  const failedToast = (): CallbackResponse => ({
    toast: { type: 'error', content: translator(deps.settings.locale)('feishu.failed') },
  });
  const nothing = () => undefined;
  dispatcher.register({
    'im.message.receive_v1': once(guard, 'message', makeMessageListener(deps), {
      onDuplicate: nothing,
      onFailure: nothing,
    }),
    'application.bot.menu_v6': once(guard, 'menu', makeMenuListener(deps), {
      onDuplicate: nothing,
      onFailure: nothing,
    }),
    'card.action.trigger': once(guard, 'card action', makeCardActionListener(deps), {
      onDuplicate: () => ({}),
      onFailure: failedToast,
    }),
  } as never);
}
