import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { attachments, fileRequests } from '../schema/index.js';
import type { Attachment, AttachmentRepo } from '../../src/ports/repos/attachments.js';
import type { Clock } from '../../src/ports/clock.js';
import { parseSubjectRef, type AttachmentSubject } from '../../src/domain/files.js';
import type { Sealer } from '../sealed.js';

export function makeAttachmentRepo(db: Db, clock: Clock, sealer: Sealer): AttachmentRepo {
  const name = sealer.column(attachments.name);
  const map = (r: typeof attachments.$inferSelect): Attachment => ({ ...r, name: name.open(r.name) });
  const oldestFirst = asc(attachments.id);
  return {
    insert(a) {
      return map(
        db
          .insert(attachments)
          .values({ ...a, name: name.seal(a.name), createdAt: clock.now() })
          .returning()
          .get(),
      );
    },
    get(id) {
      const r = db.select().from(attachments).where(eq(attachments.id, id)).get();
      return r ? map(r) : null;
    },
    forSubject(ref) {
      return db
        .select()
        .from(attachments)
        .where(and(eq(attachments.subjectType, ref.type), eq(attachments.subjectId, ref.id)))
        .orderBy(oldestFirst)
        .all()
        .map(map);
    },
    forSubjects(type: AttachmentSubject, ids: number[]) {
      if (!ids.length) return [];
      return db
        .select()
        .from(attachments)
        .where(and(eq(attachments.subjectType, type), inArray(attachments.subjectId, ids)))
        .orderBy(oldestFirst)
        .all()
        .map(map);
    },
    aboutPerson(personId) {
      return db
        .select()
        .from(attachments)
        .where(eq(attachments.personId, personId))
        .orderBy(oldestFirst)
        .all()
        .map(map);
    },
    isReferenced(sha256) {
      return !!db.select({ id: attachments.id }).from(attachments).where(eq(attachments.sha256, sha256)).get();
    },
    requestFile(personId, ref, at) {
      db.insert(fileRequests)
        .values({ personId, subjectType: ref.type, subjectId: ref.id, askedAt: at })
        .onConflictDoUpdate({
          target: fileRequests.personId,
          set: { subjectType: ref.type, subjectId: ref.id, askedAt: at },
        })
        .run();
    },
    pendingRequest(personId) {
      const r = db.select().from(fileRequests).where(eq(fileRequests.personId, personId)).get();
      const ref = r ? parseSubjectRef(`${r.subjectType}:${r.subjectId}`) : null;
      return r && ref ? { ref, askedAt: r.askedAt } : null;
    },
    clearRequest(personId) {
      db.delete(fileRequests).where(eq(fileRequests.personId, personId)).run();
    },
  };
}
