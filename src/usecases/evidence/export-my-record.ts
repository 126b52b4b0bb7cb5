/**
 * `/review mine export`: everything recorded about the asker that `/review mine` shows them, as a
 * JSON file sent to their own DM through the outbox (one a day). Only one's own record: the export
 * is the data subject's right of access, not a way to read someone else's.
 */
import { ok, fail, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { dateIn } from '../../domain/dates.js';
import { buildRecordExport } from '../../ui/screens/security/record-export.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { tFor, zoneOf } from '../shared/people.js';

export interface ExportMyRecordInput {
  actorId: string;
}

export const makeExportMyRecord =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: ExportMyRecordInput): Result<{ confirmation: string }> =>
    store.tx((tx) => {
      const me = tx.org.person(input.actorId);
      const t = tFor(me, settings);
      if (!me?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const now = clock.now();
      const day = dateIn(now, zoneOf(me, settings));
      const names = (id: string) => tx.org.person(id)?.name ?? id;
      const plans = tx.evidence.plansAbout(me.id);
      const reviews = tx.reviews.reviewsOf(me.id);
      const replies = tx.reviews.repliesTo(reviews.map((r) => r.id));
      const content = buildRecordExport(t, {
        person: me,
        managerName: me.managerId ? names(me.managerId) : null,
        job: me.jobId ? tx.org.jobWithKpis(me.jobId) : null,
        reviews: reviews.map((review) => ({
          review,
          amendments: tx.reviews.amendments(review.id),
          replies: replies.filter((r) => r.reviewId === review.id),
        })),
        conversations: tx.evidence.conversationsAbout(me.id),
        // What the access table lets the person read about themselves: never someone's private note.
        notes: tx.evidence.notesAbout(me.id).filter((n) => n.visibility !== 'private'),
        plans: plans.map((plan) => ({ plan, attendance: tx.evidence.attendanceFor(plan.sessions.map((s) => s.id)) })),
        adjustments: tx.evidence.jobAdjustmentsAbout(me.id),
        responses: tx.acks.forPerson(me.id),
        leaves: tx.org.leavesOf(me.id),
        names,
        exportedAt: now,
      });
      const filename = `dandang-export-${me.id}-${day}.json`;
      const queued = tx.outbox.upload({
        key: outboxKeys.recordExport(me.id, day),
        to: { person: me.id },
        filename,
        title: t('sec.export.title', { date: day }),
        content,
      });
      if (!queued) return fail('CONFLICT', t('sec.export.already'));
      // The chain records what was sent (its hash), not the data itself.
      tx.audit.record({
        actorId: me.id,
        action: 'record.export',
        subjectType: 'person',
        subjectId: me.id,
        detail: { filename, bytes: new TextEncoder().encode(content).length },
        text: { export: content },
      });
      return ok({ confirmation: t('sec.export.queued', { filename }) });
    });
