import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { person, seedOrg } from '../support/org.js';

let db: TestDb;
afterEach(() => db?.cleanup());

describe('org repository: the prepared upsert and the roster', () => {
  it('writes every given field, keeps a field left undefined, and clears one given as null', () => {
    db = makeTestDb();
    seedOrg(db.store, { jobs: [{ id: 'engineer' }], people: [person({ id: 'm1' })] });
    db.store.tx((tx) => tx.org.upsertPerson({ ...tx.org.person('m1')!, birthDate: '1970-05-01', monthlyWage: 9000 }));
    const { birthDate: _kept, ...withoutBirthDate } = db.store.read((tx) => tx.org.person('m1'))!;
    db.store.tx((tx) => tx.org.upsertPerson({ ...withoutBirthDate, name: 'Renamed', monthlyWage: null } as never));
    expect(db.store.read((tx) => tx.org.person('m1'))).toMatchObject({
      name: 'Renamed',
      birthDate: '1970-05-01',
      monthlyWage: null,
      active: true,
    });
    db.store.tx((tx) => tx.org.setActive('m1', false));
    expect(db.store.read((tx) => tx.org.roster())).toEqual([
      {
        id: 'm1',
        email: 'm1@example.com',
        active: false,
        role: 'employee',
        slackId: expect.anything(),
        feishuOpenId: null,
      },
    ]);
    expect(db.store.read((tx) => tx.org.allPeople())[0]).toMatchObject({ id: 'm1', active: false, name: 'Renamed' });
  });
});
