/**
 * `/review mine export`: an employee gets everything recorded about them that they may read, as a
 * JSON file in their own DM (an outbox upload), once a day; never someone's private note.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEvidenceWorld, valueOf, snapshot, type EvidenceWorld } from '../evidence/support.js';
import { makeCreateNote } from '../../../src/usecases/evidence/create-note.js';
import { makeDisputeNote } from '../../../src/usecases/evidence/dispute-note.js';
import { makeExportMyRecord } from '../../../src/usecases/evidence/export-my-record.js';
import { makeRouter } from '../../../src/app/router.js';
import { allFeatures } from '../../../src/app/features.js';
import { makeOutboxQueue } from '../../../db/repos/outbox.js';
import { DEFAULT_KPIS } from '../../support/org.js';
import type { UploadPayload } from '../../../src/ports/outbox-queue.js';

let w: EvidenceWorld;
afterEach(() => w.db.cleanup());

const note = (w: EvidenceWorld, visibility: string, discussion: string) =>
  valueOf(
    makeCreateNote(w.deps)({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: {
        kind: 'feedback',
        held_on: '2026-11-20',
        discussion,
        kpis: ['tickets'],
        action1: 'Pair on the backlog',
        action1_owner: w.emp.id,
        action1_due: '2026-11-27',
        visibility,
      },
    }),
  ).note;

function seedRecord(w: EvidenceWorld) {
  const shared = note(w, 'evidence', 'Tickets closed were 28 against 40.');
  note(w, 'private', 'My private worry about morale.');
  valueOf(
    makeDisputeNote(w.deps)({ actorId: w.emp.id, noteId: shared.id, values: { comment: 'The queue was reassigned.' } }),
  );
  w.db.store.tx((tx) => {
    const r = tx.reviews.insertReview({
      slotId: null,
      employeeId: w.emp.id,
      authorId: w.m1.id,
      jobId: 'engineer',
      kpiVersion: 1,
      periodLabel: '2026-W47',
      rating: 3,
      strengths: 'Helpful',
      improvement: '',
      comment: 'Steady',
      belowTarget: false,
      submittedAt: w.db.clock.now(),
      results: [{ ...DEFAULT_KPIS[0]!, actual: 41, met: true }],
    });
    tx.reviews.amendReview(r.id, {
      authorId: w.m1.id,
      reason: 'Miscounted',
      at: w.db.clock.now(),
      after: { ...r, rating: 2, belowTarget: true, results: [{ ...r.results[0]!, actual: 35, met: false }] },
    });
    tx.org.addLeave({ personId: w.emp.id, startDate: '2026-10-01', endDate: '2026-10-03', reason: 'Moving house' });
  });
  return shared;
}

describe('the employee’s export', () => {
  it('sends everything they may read about themselves as a JSON file to their DM, and records its hash', () => {
    w = makeEvidenceWorld();
    const shared = seedRecord(w);
    const r = valueOf(makeExportMyRecord(w.deps)({ actorId: w.emp.id }));
    expect(r.confirmation).toBe(`Your export is on its way to your DM as dandang-export-${w.emp.id}-2026-11-23.json.`);

    const [row] = makeOutboxQueue(w.db.conn.db, w.db.conn.sealer)
      .due('slack', w.db.clock.now(), 100)
      .filter((x) => x.op === 'upload');
    expect(row).toMatchObject({ key: `export:${w.emp.id}:2026-11-23`, address: w.emp.slackId });
    const file = row!.payload as UploadPayload;
    expect(file.filename).toBe(`dandang-export-${w.emp.id}-2026-11-23.json`);
    expect(file.title).toBe('Everything Dandang has recorded about you (2026-11-23)');
    const data = JSON.parse(file.content!);
    expect(data.format).toBe('dandang-personal-data-export/1');
    expect(data.person).toMatchObject({ id: w.emp.id, name: w.emp.name, manager: w.m1.name });
    expect(data.notes).toHaveLength(1);
    expect(data.notes[0]).toMatchObject({
      id: shared.id,
      discussion: 'Tickets closed were 28 against 40.',
      agreedActions: [{ description: 'Pair on the backlog', owner: w.emp.name, dueOn: '2026-11-27' }],
      yourResponse: { state: 'disputed', comment: 'The queue was reassigned.' },
    });
    expect(file.content).not.toContain('private worry');
    expect(data.reviews[0]).toMatchObject({ rating: 2, belowTarget: true, author: w.m1.name });
    expect(data.reviews[0].amendments).toMatchObject([
      { reason: 'Miscounted', before: { rating: 3 }, after: { rating: 2 } },
    ]);
    expect(data.leaves).toMatchObject([{ startDate: '2026-10-01', endDate: '2026-10-03', reason: 'Moving house' }]);
    expect(data.kpis).toMatchObject({ job: 'engineer', version: 1 });

    const [audit] = w.audits('record.export');
    expect(audit).toMatchObject({ actor_id: w.emp.id, subject_type: 'person', subject_id: w.emp.id });
    expect(JSON.parse(audit!.detail).textSha256.export).toBe(
      createHash('sha256').update(file.content!, 'utf8').digest('hex'),
    );
  });

  it('sends one a day: a second request the same day says so and writes nothing', () => {
    w = makeEvidenceWorld();
    valueOf(makeExportMyRecord(w.deps)({ actorId: w.emp.id }));
    const before = snapshot(w.db);
    const again = makeExportMyRecord(w.deps)({ actorId: w.emp.id });
    expect(!again.ok && [again.code, again.message]).toEqual([
      'CONFLICT',
      'Today’s export is already in your DM. You can ask for a new one tomorrow.',
    ]);
    expect(snapshot(w.db)).toEqual(before);
    w.db.clock.advance(86_400_000);
    expect(makeExportMyRecord(w.deps)({ actorId: w.emp.id }).ok).toBe(true);
  });

  it('answers /review mine export (and 导出) through the router with a toast, for the asker only', async () => {
    w = makeEvidenceWorld();
    const router = makeRouter(allFeatures(w.deps));
    const ask = (word: string, mentions: string[] = []) =>
      router.dispatch({
        kind: 'command',
        actor: { person: w.emp, platform: 'slack', locale: 'en' },
        command: 'review',
        args: `mine ${word} ${mentions.join(' ')}`.trim(),
        mentions,
      });
    expect(await ask('export', [w.peer.id])).toEqual({
      kind: 'ok',
      toast: `Your export is on its way to your DM as dandang-export-${w.emp.id}-2026-11-23.json.`,
    });
    // Even with someone mentioned, the file is the asker's own record, sent to the asker.
    expect(w.db.conn.sqlite.prepare(`SELECT DISTINCT address FROM outbox WHERE op = 'upload'`).pluck().all()).toEqual([
      w.emp.slackId,
    ]);
    w.db.clock.advance(86_400_000);
    expect(await ask('导出')).toMatchObject({ kind: 'ok' });
  });
});
