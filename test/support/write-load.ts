/**
 * A second process writing to the database as fast as it can, for the backup-under-load test:
 * each transaction writes one note and its audit row (so a consistent copy has as many notes as
 * `load.write` rows). Prints `started` once, then the number of transactions when it gets SIGTERM.
 * Usage: tsx test/support/write-load.ts <db file>   (keys from DANDANG_DATA_KEY / DANDANG_AUDIT_KEY)
 */
import { openDatabase } from '../../db/client.js';
import { makeStore } from '../../db/store.js';
import { systemClock } from '../../src/ports/clock.js';
import { prepareKeys } from '../../db/keys.js';

const key = (name: string) => (process.env[name] ? Buffer.from(process.env[name]!, 'base64') : null);
const conn = openDatabase(process.argv[2]!, { dataKey: key('DANDANG_DATA_KEY'), auditKey: key('DANDANG_AUDIT_KEY') });
prepareKeys(conn);
const store = makeStore(conn, systemClock, { platforms: [], defaultLocale: 'en' });
let n = 0;
let stopping = false;
process.on('SIGTERM', () => (stopping = true));

const writeOne = () =>
  store.tx((tx) => {
    const note = tx.evidence.insertNote(
      {
        personId: 'e1',
        authorId: 'm1',
        kind: 'feedback',
        heldOn: '2026-11-20',
        discussion: `Load note ${n}: ${'the weekly numbers were discussed at length. '.repeat(20)}`,
        kpiKeys: [],
        nextCheckIn: null,
        visibility: 'shared',
      },
      [],
    );
    tx.audit.record({ actorId: 'm1', action: 'load.write', subjectType: 'note', subjectId: note.id });
  });

function loop(): void {
  if (stopping) {
    conn.close();
    process.stdout.write(`${n}\n`, () => process.exit(0));
    return;
  }
  for (let i = 0; i < 5; i++) {
    writeOne();
    n++;
  }
  if (n === 50) process.stdout.write('started\n');
  setImmediate(loop);
}
loop();
