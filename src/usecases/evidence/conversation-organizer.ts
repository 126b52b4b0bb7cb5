/**
 * Who may change a planned conversation, and only while it is planned (not cancelled, its note not
 * recorded). Both the forms and their submissions ask here.
 *
 * The manager who scheduled it may move or cancel it. When that manager has left (their record is
 * inactive or gone), nobody could take it off the employee's calendar, so active HR may cancel it
 * (not move it: a new time is a new conversation, which the employee's manager plans).
 */
import { fail, type Failure } from '../result.js';
import type { ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { PlannedConversation } from '../../ports/repos/evidence.js';
import type { T } from '../../ui/i18n/index.js';
import { isHr } from '../../domain/people.js';

export type ConversationChangeKind = 'reschedule' | 'cancel';

export interface ConversationToChange {
  actor: Person;
  conversation: PlannedConversation;
  /** Set when HR acts because the organizer has left: the organizer, as far as the db knows them. */
  organizerLeft: { id: string; name: string } | null;
}

export function conversationToChange(
  tx: ReadTx,
  t: T,
  actor: Person | null,
  conversationId: number,
  kind: ConversationChangeKind,
): ConversationToChange | Failure {
  if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
  const c = Number.isInteger(conversationId) ? tx.evidence.conversation(conversationId) : null;
  if (!c) return fail('NOT_FOUND', t('common.notFound'));
  let organizerLeft: ConversationToChange['organizerLeft'] = null;
  if (c.organizerId !== actor.id) {
    const organizer = tx.org.person(c.organizerId);
    const name = organizer?.name ?? c.organizerId;
    if (isHr(actor) && !organizer?.active) {
      if (kind === 'reschedule') return fail('NOT_AUTHORIZED', t('ev.conv.err.leftCancelOnly', { name }));
      organizerLeft = { id: c.organizerId, name };
    } else {
      // The employee is told who can; anyone else learns nothing about it.
      if (c.personId !== actor.id) return fail('NOT_FOUND', t('common.notFound'));
      return fail('NOT_AUTHORIZED', t('ev.conv.err.organizerOnly', { name }));
    }
  }
  if (c.status === 'cancelled') return fail('CONFLICT', t('ev.conv.err.cancelled'));
  if (c.status === 'recorded') return fail('CONFLICT', t('ev.err.conversationDone'));
  return { actor, conversation: c, organizerLeft };
}
