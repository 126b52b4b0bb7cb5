import { and, eq, inArray, asc, desc, gte } from 'drizzle-orm';
import type { Db } from '../client.js';
import { acknowledgments } from '../schema/index.js';
import type { AckRepo } from '../../src/ports/repos/acks.js';
import type { Acknowledgment } from '../../src/ports/records.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Sealer } from '../sealed.js';

export function makeAckRepo(db: Db, clock: Clock, sealer: Sealer): AckRepo {
  const comment = sealer.column(acknowledgments.comment);
  const map = (r: typeof acknowledgments.$inferSelect): Acknowledgment => ({ ...r, comment: comment.open(r.comment) });
  return {
    record(a) {
      const row = db
        .insert(acknowledgments)
        .values({
          ...a,
          comment: comment.seal(a.comment ?? null),
          witnessId: a.witnessId ?? null,
          createdAt: clock.now(),
        })
        .onConflictDoNothing()
        .returning()
        .get();
      return row ? map(row) : null;
    },
    find(subjectType, subjectId, personId) {
      const r = db
        .select()
        .from(acknowledgments)
        .where(
          and(
            eq(acknowledgments.subjectType, subjectType),
            eq(acknowledgments.subjectId, subjectId),
            eq(acknowledgments.personId, personId),
          ),
        )
        .get();
      return r ? map(r) : null;
    },
    forSubjects(subjectType, subjectIds) {
      if (!subjectIds.length) return [];
      return db
        .select()
        .from(acknowledgments)
        .where(and(eq(acknowledgments.subjectType, subjectType), inArray(acknowledgments.subjectId, subjectIds)))
        .all()
        .map(map);
    },
    forPerson: (personId) =>
      db
        .select()
        .from(acknowledgments)
        .where(eq(acknowledgments.personId, personId))
        .orderBy(asc(acknowledgments.id))
        .all()
        .map(map),
    disputes: (subjectType, since) =>
      db
        .select()
        .from(acknowledgments)
        .where(
          and(
            eq(acknowledgments.subjectType, subjectType),
            eq(acknowledgments.state, 'disputed'),
            gte(acknowledgments.createdAt, since),
          ),
        )
        .orderBy(desc(acknowledgments.createdAt), desc(acknowledgments.id))
        .all()
        .map(map),
  };
}
