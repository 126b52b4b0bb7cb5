import type { Db } from '../client.js';
import type { Clock } from '../../src/ports/clock.js';
import type { CaseRepo } from '../../src/ports/repos/cases.js';

export function makeCaseRepo(_db: Db, _clock: Clock): CaseRepo {
  return {};
}
