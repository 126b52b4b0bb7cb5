/**
 * Only the manager who scheduled a conversation may move or cancel it, and only while it is
 * planned (not cancelled, its note not recorded). Both the forms and their submissions ask here.
 */
import { fail, type Failure } from '../result.js';
import type { ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { PlannedConversation } from '../../ports/repos/evidence.js';
import type { T } from '../../ui/i18n/index.js';

export function conversationToChange(
  tx: ReadTx,
  t: T,
  actor: Person | null,
  conversationId: number,
): { actor: Person; conversation: PlannedConversation } | Failure {
  if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
  const c = Number.isInteger(conversationId) ? tx.evidence.conversation(conversationId) : null;
  if (!c) return fail('NOT_FOUND', t('common.notFound'));
  if (c.organizerId !== actor.id) {
    // The employee is told who can; anyone else learns nothing about it.
    if (c.personId !== actor.id) return fail('NOT_FOUND', t('common.notFound'));
    const organizer = tx.org.person(c.organizerId);
    return fail('NOT_AUTHORIZED', t('ev.conv.err.organizerOnly', { name: organizer?.name ?? c.organizerId }));
  }
  if (c.status === 'cancelled') return fail('CONFLICT', t('ev.conv.err.cancelled'));
  if (c.status === 'recorded') return fail('CONFLICT', t('ev.err.conversationDone'));
  return { actor, conversation: c };
}
