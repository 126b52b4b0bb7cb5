import type { Db } from '../client.js';
import type { Clock } from '../../src/ports/clock.js';
import type { EvidenceRepo } from '../../src/ports/repos/evidence.js';

export function makeEvidenceRepo(_db: Db, _clock: Clock): EvidenceRepo {
  return {};
}
