/**
 * Retention's deletions. Every record about the person is deleted, children first (foreign keys are
 * on), and leaves an `erasures` row: the table, the record's id and date, and the sha256 of its
 * content with sealed values opened, so the hash is the same whichever key sealed it. `secure_delete`
 * (db/client.ts) overwrites the freed pages. The audit log is not touched: it holds ids, dates and
 * hashes of texts, which is what the chain needs.
 */
import { createHash } from 'node:crypto';
import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, type SQL } from 'drizzle-orm';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteCustomColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import {
  acknowledgments,
  attachments,
  attendance,
  caseEvents,
  cases,
  dutyGapRuns,
  erasures,
  incidents,
  jobAdjustments,
  leaves,
  localMessages,
  noteActions,
  notes,
  outbox,
  people,
  plannedConversations,
  protectedStatuses,
  reviewAmendments,
  reviewKpiResults,
  kpiActuals,
  reviewReplies,
  reviews,
  trainingPlans,
  trainingSessions,
  warnings,
} from '../schema/index.js';
import type { ErasureSummary, RetentionRepo } from '../../src/ports/repos/retention.js';
import type { Sealer, Sealed } from '../sealed.js';

const CHUNK = 500;
const DATE_FIELDS = ['createdAt', 'submittedAt', 'openedAt', 'at', 'raisedAt', 'foundAt'] as const;

/** JSON with sorted keys, so the hash does not depend on column order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export function makeRetentionRepo(db: Db, sealer: Sealer): RetentionRepo {
  /** Deletes the rows, recording each one's hash; returns how many. */
  function eraseRows(
    table: SQLiteTable,
    where: SQL | undefined,
    ctx: { personId: string; at: number; hashes: string[] },
  ): number {
    const columns = Object.entries(getTableColumns(table));
    const name = getTableName(table);
    const rows = db.select().from(table).where(where).all() as Record<string, unknown>[];
    if (!rows.length) return 0;
    for (const row of rows) {
      const plain: Record<string, unknown> = {};
      for (const [key, column] of columns)
        plain[key] = is(column, SQLiteCustomColumn) ? sealer.column(column).open(row[key] as Sealed | null) : row[key];
      const hash = sha256(canonical(plain));
      ctx.hashes.push(hash);
      const date = DATE_FIELDS.map((f) => row[f]).find((v) => typeof v === 'number') as number | undefined;
      db.insert(erasures)
        .values({
          personId: ctx.personId,
          tableName: name,
          rowId: String(row.id ?? row.key ?? ''),
          sha256: hash,
          recordedAt: date ?? null,
          erasedAt: ctx.at,
        })
        .run();
    }
    db.delete(table).where(where).run();
    return rows.length;
  }

  /** `in (ids)`, chunked below SQLite's variable limit; undefined for no ids (nothing matches). */
  const inIds = <T>(ids: T[], fn: (part: T[]) => SQL): SQL[] => {
    const out: SQL[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) out.push(fn(ids.slice(i, i + CHUNK)));
    return out;
  };
  const idsOf = (rows: { id: number }[]) => rows.map((r) => r.id);

  /** Messages about the person: their DMs, and any message keyed by one of their records. */
  function deleteMessages(personId: string, keyPrefixes: string[]): number {
    const p = db
      .select({ slack: people.slackId, feishu: people.feishuOpenId })
      .from(people)
      .where(eq(people.id, personId))
      .get();
    const addresses = [personId, p?.slack, p?.feishu].filter((a): a is string => !!a);
    // Whatever their status: two years on, a message still pending to or about them is moot.
    let n = db.delete(outbox).where(inArray(outbox.address, addresses)).run().changes;
    // `key >= 'review:12:' AND key < 'review:12;'` (';' follows ':'): a range on outbox_platform_key.
    for (const prefix of keyPrefixes)
      n += db
        .delete(outbox)
        .where(
          and(
            inArray(outbox.platform, ['slack', 'feishu', 'local']),
            gte(outbox.key, prefix),
            lt(outbox.key, `${prefix.slice(0, -1)};`),
          ),
        )
        .run().changes;
    n += db
      .delete(localMessages)
      .where(eq(localMessages.conversation, `dm:${personId}`))
      .run().changes;
    return n;
  }

  return {
    candidates: (before) =>
      db
        .select({ personId: people.id, inactiveSince: people.inactiveSince })
        .from(people)
        .where(
          and(
            eq(people.active, false),
            isNull(people.erasedAt),
            isNotNull(people.inactiveSince),
            lte(people.inactiveSince, before),
          ),
        )
        .orderBy(people.inactiveSince, people.id)
        .all()
        .map((r) => ({ personId: r.personId, inactiveSince: r.inactiveSince! })),

    erase(personId, at): ErasureSummary {
      const ctx = { personId, at, hashes: [] as string[] };
      const rows: Record<string, number> = {};
      const count = (table: SQLiteTable, n: number) => {
        if (n) rows[getTableName(table)] = (rows[getTableName(table)] ?? 0) + n;
      };
      const erase = (table: SQLiteTable, conditions: SQL[]) => {
        for (const c of conditions) count(table, eraseRows(table, c, ctx));
      };

      // Files on their records: the rows go (erasures keep each one's hash), the caller removes the bytes.
      const files = db
        .select({ sha256: attachments.sha256 })
        .from(attachments)
        .where(eq(attachments.personId, personId))
        .all()
        .map((r) => r.sha256);
      erase(attachments, [eq(attachments.personId, personId)]);

      const reviewIds = idsOf(
        db.select({ id: reviews.id }).from(reviews).where(eq(reviews.employeeId, personId)).all(),
      );
      erase(
        reviewKpiResults,
        inIds(reviewIds, (ids) => inArray(reviewKpiResults.reviewId, ids)),
      );
      erase(
        reviewAmendments,
        inIds(reviewIds, (ids) => inArray(reviewAmendments.reviewId, ids)),
      );
      erase(
        reviewReplies,
        inIds(reviewIds, (ids) => inArray(reviewReplies.reviewId, ids)),
      );
      // Planned conversations point at the person's reviews and notes: before either goes.
      const conversationIds = idsOf(
        db
          .select({ id: plannedConversations.id })
          .from(plannedConversations)
          .where(eq(plannedConversations.personId, personId))
          .all(),
      );
      erase(plannedConversations, [eq(plannedConversations.personId, personId)]);
      erase(reviews, [eq(reviews.employeeId, personId)]);

      const noteIds = idsOf(db.select({ id: notes.id }).from(notes).where(eq(notes.personId, personId)).all());
      erase(
        noteActions,
        inIds(noteIds, (ids) => inArray(noteActions.noteId, ids)),
      );
      erase(notes, [eq(notes.personId, personId)]);

      const planIds = idsOf(
        db.select({ id: trainingPlans.id }).from(trainingPlans).where(eq(trainingPlans.personId, personId)).all(),
      );
      const sessionIds = planIds.length
        ? idsOf(
            db
              .select({ id: trainingSessions.id })
              .from(trainingSessions)
              .where(inArray(trainingSessions.planId, planIds))
              .all(),
          )
        : [];
      erase(attendance, [
        eq(attendance.personId, personId),
        ...inIds(sessionIds, (ids) => inArray(attendance.sessionId, ids)),
      ]);
      erase(
        trainingSessions,
        inIds(planIds, (ids) => inArray(trainingSessions.planId, ids)),
      );
      erase(trainingPlans, [eq(trainingPlans.personId, personId)]);

      const adjustmentIds = idsOf(
        db.select({ id: jobAdjustments.id }).from(jobAdjustments).where(eq(jobAdjustments.personId, personId)).all(),
      );
      erase(jobAdjustments, [eq(jobAdjustments.personId, personId)]);
      erase(acknowledgments, [eq(acknowledgments.personId, personId)]);

      const caseIds = idsOf(
        db
          .select({ id: cases.id })
          .from(cases)
          .where(and(eq(cases.employeeId, personId), ne(cases.status, 'open')))
          .all(),
      );
      erase(
        caseEvents,
        inIds(caseIds, (ids) => inArray(caseEvents.caseId, ids)),
      );
      erase(
        cases,
        inIds(caseIds, (ids) => inArray(cases.id, ids)),
      );
      erase(protectedStatuses, [eq(protectedStatuses.personId, personId)]);
      erase(leaves, [eq(leaves.personId, personId)]);
      erase(warnings, [eq(warnings.personId, personId)]);
      erase(dutyGapRuns, [eq(dutyGapRuns.managerId, personId)]);
      erase(incidents, [eq(incidents.personId, personId)]);
      erase(kpiActuals, [eq(kpiActuals.personId, personId)]);

      const messages = deleteMessages(personId, [
        ...reviewIds.map((id) => `review:${id}:`),
        ...noteIds.map((id) => `note:${id}:`),
        ...planIds.map((id) => `training:${id}:`),
        ...sessionIds.map((id) => `training-session:${id}:`),
        ...adjustmentIds.map((id) => `job-adjustment:${id}:`),
        ...caseIds.map((id) => `case:${id}:`),
        ...conversationIds.map((id) => `conversation:${id}:`),
      ]);
      if (messages) rows.messages = messages;

      db.update(people)
        .set({ monthlyWage: null, previousMonthWage: null, birthDate: null, retirementBasis: null, erasedAt: at })
        .where(eq(people.id, personId))
        .run();
      return { rows, digest: sha256(ctx.hashes.join('\n')), files: [...new Set(files)] };
    },
  };
}
