import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import { translator } from '../../ui/i18n/index.js';
import type { CaseView } from '../../ui/screens/offboarding/view.js';
import { buildCaseMessage, buildManagerCaseDm } from '../../ui/screens/offboarding/case-message.js';
import { localeOf } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { screenContext } from './case-view.js';
import { hrChannelLocale } from '../shared/channels.js';

/**
 * Rebuilds the root message and the manager's DM and queues in-place updates of both, so every
 * change to a case (or to the evidence behind it) shows in the messages already sent.
 */
export function publishCase(tx: Tx, view: CaseView, settings: AppSettings): void {
  const locale = hrChannelLocale(tx, settings);
  tx.outbox.update(
    outboxKeys.caseRoot(view.id),
    buildCaseMessage(translator(locale), screenContext(locale, settings), view),
    locale,
  );
  if (view.manager) {
    const m = tx.org.person(view.manager.id);
    const ml = localeOf(m, settings);
    tx.outbox.update(
      outboxKeys.caseManager(view.id),
      buildManagerCaseDm(translator(ml), screenContext(ml, settings), view),
      ml,
    );
  }
}
