/**
 * Typed text has the same limits on every platform (src/domain/text.ts), enforced where it is
 * stored: a field over its limit or holding a control character is refused with an error next
 * to that input, and nothing is written. Through the real router, as every adapter calls it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeEvidenceWorld, count, type EvidenceWorld } from './support.js';
import { makeRouter, type Router } from '../../../src/app/router.js';
import { allFeatures } from '../../../src/app/features.js';
import { FORMS } from '../../../src/ui/actions.js';
import { TEXT_LIMITS } from '../../../src/domain/text.js';
import type { FormValues } from '../../../src/ui/model.js';
import type { Person } from '../../../src/ports/records.js';

let w: EvidenceWorld;
let router: Router;
afterEach(() => w.db.cleanup());

const note = (over: FormValues = {}): FormValues => ({
  kind: 'feedback',
  held_on: '2026-11-22',
  discussion: 'Tickets closed were 28 against 40.',
  visibility: 'evidence',
  ...over,
});
const submit = (p: Person, formId: (typeof FORMS)[keyof typeof FORMS], state: string, values: FormValues) =>
  router.dispatch({
    kind: 'submit',
    actor: { person: p, platform: 'local', locale: p.id === w.emp.id ? 'zh-CN' : 'en' },
    formId,
    state,
    values,
  });

describe('typed text is held to one limit on every platform', () => {
  it('a note of 900,000 characters, or of 3,001, is refused next to its input; 3,000 is saved in full', async () => {
    w = makeEvidenceWorld();
    router = makeRouter(allFeatures(w.deps));
    const before = count(w.db.conn.sqlite, 'notes');
    expect(await submit(w.m1, FORMS.note, w.emp.id, note({ discussion: 'x'.repeat(900_000) }))).toEqual({
      kind: 'formErrors',
      errors: { discussion: 'At most 3,000 characters: this has 900,000.' },
    });
    expect(await submit(w.m1, FORMS.note, w.emp.id, note({ discussion: '说'.repeat(TEXT_LIMITS.long + 1) }))).toEqual({
      kind: 'formErrors',
      errors: { discussion: 'At most 3,000 characters: this has 3,001.' },
    });
    expect(count(w.db.conn.sqlite, 'notes')).toBe(before);
    const full = `${'& < > 😀 '.repeat(375)}`.slice(0, TEXT_LIMITS.long);
    expect((await submit(w.m1, FORMS.note, w.emp.id, note({ discussion: full }))).kind).toBe('ok');
    expect(w.db.store.tx((tx) => tx.evidence.notesAbout(w.emp.id))[0]?.discussion).toBe(full.trim());
  });

  it('an agreed action is one line: a line break, a line separator or more than 200 characters is refused', async () => {
    w = makeEvidenceWorld();
    router = makeRouter(allFeatures(w.deps));
    const reply = await submit(
      w.m1,
      FORMS.note,
      w.emp.id,
      note({
        action1: 'Pair on\nthe backlog',
        action1_due: '2026-11-27',
        action2: 'Bad\u2028line',
        action2_due: '2026-11-27',
        action3: 'y'.repeat(TEXT_LIMITS.line + 1),
        action3_due: '2026-11-27',
      }),
    );
    expect(reply).toEqual({
      kind: 'formErrors',
      errors: {
        action1: 'Keep it on one line: remove the line break at position 8.',
        action2: 'Keep it on one line: remove the line break at position 4.',
        action3: 'At most 200 characters: this has 201.',
      },
    });
    expect(count(w.db.conn.sqlite, 'notes')).toBe(0);
  });

  it('the floor under every form: a control character anywhere is refused before the use case runs (in the reader’s language)', async () => {
    w = makeEvidenceWorld();
    router = makeRouter(allFeatures(w.deps));
    expect(
      await submit(w.emp, FORMS.disputeReview, '1', { comment: 'ok\u0007bell', anything: 'z'.repeat(3_001) }),
    ).toEqual({
      kind: 'formErrors',
      errors: { comment: '请删除第 3 个字符处的控制字符。', anything: '最多 3,000 个字符，当前为 3,001 个。' },
    });
  });

  it('the handbook section and incident forms hold their texts to the same limits, and write nothing over them', async () => {
    w = makeEvidenceWorld();
    router = makeRouter(allFeatures(w.deps));
    const sections = () => count(w.db.conn.sqlite, 'handbook_rules');
    const before = sections();
    // Past 3,000 characters the router's floor answers first, for that field.
    expect(
      await submit(w.hr, FORMS.handbookSection, '', {
        section: '4.2',
        title: 'A',
        body: 'b'.repeat(TEXT_LIMITS.long + 1),
      }),
    ).toEqual({ kind: 'formErrors', errors: { body: 'At most 3,000 characters: this has 3,001.' } });
    expect(
      await submit(w.hr, FORMS.handbookSection, '', {
        section: '4.2\n4.3',
        title: 'T'.repeat(TEXT_LIMITS.line + 1),
        body: 'Be on time.',
      }),
    ).toEqual({
      kind: 'formErrors',
      errors: {
        section: 'Keep it on one line: remove the line break at position 4.',
        title: `At most ${TEXT_LIMITS.line} characters: this has ${TEXT_LIMITS.line + 1}.`,
      },
    });
    expect(sections()).toBe(before);
    expect(
      (await submit(w.hr, FORMS.handbookSection, '', { section: '4.2', title: 'Attendance', body: 'Be on time.' }))
        .kind,
    ).toBe('ok');
    const rule = String(
      (w.db.conn.sqlite.prepare('select id from handbook_rules order by id desc').get() as { id: number }).id,
    );

    const incidents = () => count(w.db.conn.sqlite, 'incidents');
    const reply = await submit(w.hr, FORMS.incident, w.emp.id, {
      rule,
      occurred_on: '2026-11-20',
      description: 'Left the site\u0007 during a shift.',
      evidence: 'e'.repeat(TEXT_LIMITS.long + 1),
    });
    expect(reply).toEqual({
      kind: 'formErrors',
      errors: {
        description: 'Remove the control character at position 14.',
        evidence: 'At most 3,000 characters: this has 3,001.',
      },
    });
    expect(incidents()).toBe(0);
  });
});
