/**
 * The Home of someone responsible for a lot (a head of HR managing twenty department heads, each in
 * a department of their own) stays a page a person reads: the first few of each list with their
 * buttons, the rest counted with the command that lists them all, HR's teams furthest behind first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedOrg, testSettings } from '../../support/org.js';
import { makeViewHome } from '../../../src/usecases/org/view-home.js';
import { openCycle, currentPeriod } from '../../../src/usecases/schedule/open-cycle.js';
import { HOME_LIST_LIMIT } from '../../../src/ui/screens/home/home.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import type { Message } from '../../../src/ui/model.js';

let db: TestDb;
const settings = testSettings();
const departments = Array.from({ length: 20 }, (_, i) => `Dept ${String(i + 1).padStart(2, '0')}`);

beforeAll(() => {
  db = makeTestDb({ now: '2026-11-24T02:00:00Z' });
  seedOrg(db.store, {
    people: [
      { id: 'head', name: 'Helen Head', department: 'People', jobId: null },
      { id: 'hr', name: 'Hana HR', role: 'hr', department: 'People', jobId: null },
      ...departments.map((d, i) => ({ id: `d${i + 1}`, name: `Lead ${i + 1}`, department: d, managerId: 'head' })),
      // Dept 07 has a second person, so it is the team furthest behind.
      { id: 'd7b', name: 'Second 7', department: 'Dept 07', managerId: 'head' },
    ],
  });
  db.store.tx((tx) => {
    for (const d of departments)
      openCycle(tx, d, currentPeriod(d, db.clock.now(), settings), { settings, now: db.clock.now(), actorId: null });
  });
});
afterAll(() => db?.cleanup());

const home = (actorId: string): Message => {
  const r = makeViewHome({ store: db.store, clock: db.clock, settings })({ actorId });
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const texts = (m: Message) => m.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

describe('a Home for someone responsible for a lot', () => {
  it('lists the first reviews due with their buttons and counts the rest', () => {
    const m = home('head');
    const review = m.blocks
      .flatMap((b) => (b.type === 'actions' ? b.buttons : []))
      .filter((b) => b.actionId === ACTIONS.openReviewForm);
    expect(review).toHaveLength(HOME_LIST_LIMIT);
    expect(texts(m)).toContain(`And ${21 - HOME_LIST_LIMIT} more: \`/review\` opens the next one.`);
    expect(texts(m)).toContain(`And ${20 - HOME_LIST_LIMIT} more teams`);
    expect(m.blocks.length).toBeLessThan(40);
  });

  it('shows HR the teams furthest behind first, and counts the rest', () => {
    const m = home('hr');
    const lines = texts(m)
      .split('\n')
      .filter((l) => /reviews done$/.test(l));
    expect(lines).toHaveLength(HOME_LIST_LIMIT);
    expect(lines[0]).toMatch(/^Dept 07, Week 48: 0\/2 reviews done$/);
    expect(lines[1]).toMatch(/^Dept 01, /);
    expect(texts(m)).toContain(`And ${20 - HOME_LIST_LIMIT} more teams`);
  });
});
