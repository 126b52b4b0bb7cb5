/**
 * `/review status` of a manager whose reports sit in two departments: one team per department's
 * latest cycle, an older cycle of the same department left out, slots by due time then name.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedOrg, testSettings } from '../../support/org.js';
import { makeRouter } from '../../../src/app/router.js';
import { reviewHandlers } from '../../../src/app/review.js';
import type { Inbound } from '../../../src/app/types.js';
import type { Person } from '../../../src/ports/records.js';
import { textOf } from './support.js';

describe('/review status across departments', () => {
  let db: TestDb;
  afterEach(() => db.cleanup());

  it("lists the manager's reports in each department's latest cycle, and nothing from an older one", async () => {
    db = makeTestDb({ now: '2026-11-16T10:00:00Z' });
    const [hr, lead] = seedOrg(db.store, {
      people: [
        { id: 'hr', role: 'hr', department: 'hr' },
        { id: 'lead', name: 'Lead', department: 'mgmt' },
        { id: 'e2', name: 'Zoe', managerId: 'lead', department: 'eng' },
        { id: 'e1', name: 'Adam', managerId: 'lead', department: 'eng' },
        { id: 'o1', name: 'Olga', managerId: 'lead', department: 'ops' },
      ],
    }) as [Person, Person];
    const router = makeRouter([reviewHandlers({ store: db.store, clock: db.clock, settings: testSettings() })]);
    const command = (p: Person, args: string): Inbound => ({
      kind: 'command',
      actor: { person: p, platform: 'local', locale: 'en' },
      command: 'review',
      args,
      mentions: [],
    });

    expect((await router.dispatch(command(hr, 'start eng'))).kind).toBe('ok'); // week 47
    db.clock.set(new Date('2026-11-23T10:00:00Z').getTime());
    expect((await router.dispatch(command(hr, 'start eng'))).kind).toBe('ok'); // week 48
    expect((await router.dispatch(command(hr, 'start ops'))).kind).toBe('ok');

    const status = await router.dispatch(command(lead, 'status'));
    expect(status.kind).toBe('ok');
    const text = status.kind === 'ok' ? textOf(status.message!) : '';
    expect(text).toContain('Reviews · eng · Week 48');
    expect(text).toContain('Reviews · ops · Week 48');
    expect(text).not.toContain('Week 47');
    // Each team once, its reports by due time then name.
    expect(text.match(/Adam/g)).toHaveLength(1);
    expect(text).toMatch(/⏳ Adam \(due [^)]+\)\n⏳ Zoe/);
    expect(text.match(/Olga/g)).toHaveLength(1);
    expect(text.indexOf('· eng ·')).toBeLessThan(text.indexOf('Adam'));
    expect(text.indexOf('· ops ·')).toBeLessThan(text.indexOf('Olga'));
    expect(text.indexOf('Zoe')).toBeLessThan(text.indexOf('· ops ·'));
  });
});
