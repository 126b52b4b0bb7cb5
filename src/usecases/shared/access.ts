/**
 * How the access table (src/domain/access.ts) is asked from a use case: the asker's relations to
 * the subject are computed from the database inside the transaction, never from a button value.
 */
import type { ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import { canAccess, relationsOf, type AccessContext, type Operation, type RecordType } from '../../domain/access.js';
import { managerChain } from './people.js';

/** The asker's relations to the subject. A deactivated asker is nobody to anyone. */
export function accessContext(
  tx: ReadTx,
  asker: Person,
  subjectId: string,
  extra: Omit<AccessContext, 'relations'> = {},
): AccessContext {
  if (!asker.active) return { relations: ['other'], ...extra };
  return { relations: relationsOf(asker, subjectId, managerChain(tx, subjectId)), ...extra };
}

/** Whether the asker may do `op` on a `record` about the subject. */
export function may(
  tx: ReadTx,
  asker: Person,
  subjectId: string,
  op: Operation,
  record: RecordType,
  extra: Omit<AccessContext, 'relations'> = {},
): boolean {
  return canAccess(accessContext(tx, asker, subjectId, extra), op, record);
}
