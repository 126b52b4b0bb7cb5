/**
 * Authorization rules of the review loop, always evaluated against the db inside the use case's
 * transaction (button values and form state are untrusted).
 */
import type { Tx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { ReviewSlot, Review } from '../../ports/repos/reviews.js';

export const isHr = (p: Person | null | undefined) => !!p && p.active && (p.role === 'hr' || p.role === 'admin');

/** Only the employee's current manager, who is also the slot's manager, may write their review. */
export function canWriteReview(actor: Person | null, slot: ReviewSlot, employee: Person | null): boolean {
  return !!actor && actor.active && !!employee && slot.managerId === actor.id && employee.managerId === actor.id;
}

/** The author while still the employee's manager, or HR/admin. */
export function canAmendReview(actor: Person, review: Review, employee: Person): boolean {
  const authorStillManager = actor.active && actor.id === review.authorId && employee.managerId === actor.id;
  return authorStillManager || isHr(actor);
}

/** HR/admin, or the manager of an active holder of the job. */
export function canDefineKpis(tx: Tx, actor: Person | null, jobId: string): boolean {
  if (!actor || !actor.active) return false;
  if (isHr(actor)) return true;
  return tx.reviews.holdersOfJob(jobId).some((h) => h.managerId === actor.id);
}

/** A slot id from an untrusted string ("42"). */
export function parseId(raw: string | undefined): number | null {
  const s = (raw ?? '').trim();
  if (!/^\d{1,15}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}
