import { describe, it, expect } from 'vitest';
import { canAccess, relationsOf, RECORD_TYPES, type RecordType } from '../../src/domain/access.js';

/**
 * The access-control table (src/domain/access.ts), checked for every record type and every asker.
 * Subject `e` reports to `m`, who reports to `d`. `x` manages another team, `o` is a colleague.
 */
const chainOfE = ['m', 'd'];
const askers = {
  employee: relationsOf({ id: 'e', role: 'employee' }, 'e', chainOfE),
  'another employee': relationsOf({ id: 'o', role: 'employee' }, 'e', chainOfE),
  'own manager': relationsOf({ id: 'm', role: 'employee' }, 'e', chainOfE),
  'another manager': relationsOf({ id: 'x', role: 'employee' }, 'e', chainOfE),
  'skip-level manager': relationsOf({ id: 'd', role: 'employee' }, 'e', chainOfE),
  HR: relationsOf({ id: 'h', role: 'hr' }, 'e', chainOfE),
  admin: relationsOf({ id: 'a', role: 'admin' }, 'e', chainOfE),
};

const ALL_BUT_PRIVATE: RecordType[] = RECORD_TYPES.filter((r) => r !== 'note_private');
/** Early warnings are the chain's and HR's only: the employee's own view has everything else. */
const ALL_BUT_PRIVATE_AND_WARNINGS: RecordType[] = ALL_BUT_PRIVATE.filter((r) => r !== 'warning');
const MANAGER_CREATES: RecordType[] = [
  'review',
  'note_private',
  'note_shared',
  'note_evidence',
  'training_plan',
  'attendance',
  'job_adjustment',
  'kpis',
];
const HR_CREATES: RecordType[] = [
  'note_private',
  'note_shared',
  'note_evidence',
  'training_plan',
  'attendance',
  'job_adjustment',
  'refusal',
  'kpis',
];

const expected: Record<keyof typeof askers, { read: RecordType[]; create: RecordType[] }> = {
  employee: { read: ALL_BUT_PRIVATE_AND_WARNINGS, create: ['sign_in', 'acknowledgment'] },
  'another employee': { read: [], create: [] },
  'own manager': { read: ALL_BUT_PRIVATE, create: MANAGER_CREATES },
  'another manager': { read: [], create: [] },
  'skip-level manager': { read: ALL_BUT_PRIVATE, create: MANAGER_CREATES },
  HR: { read: ALL_BUT_PRIVATE, create: HR_CREATES },
  admin: { read: ALL_BUT_PRIVATE, create: HR_CREATES },
};

describe('access-control table', () => {
  it('derives the relations from the chain and the role', () => {
    expect(askers.employee).toEqual(['self']);
    expect(askers['own manager']).toEqual(['manager']);
    expect(askers['skip-level manager']).toEqual(['skip_level']);
    expect(askers['another manager']).toEqual(['other']);
    expect(askers.HR).toEqual(['hr']);
    expect(askers.admin).toEqual(['admin']);
  });

  for (const [asker, relations] of Object.entries(askers) as [
    keyof typeof askers,
    (typeof askers)[keyof typeof askers],
  ][]) {
    for (const record of RECORD_TYPES) {
      for (const op of ['read', 'create'] as const) {
        const allowed = expected[asker][op].includes(record);
        it(`${asker} ${allowed ? 'may' : 'may not'} ${op} ${record}`, () => {
          expect(canAccess({ relations }, op, record)).toBe(allowed);
        });
      }
    }
  }

  it('nobody but the author reads a private note: not the employee, HR, admin or the chain', () => {
    for (const relations of Object.values(askers))
      expect(canAccess({ relations, isAuthor: false }, 'read', 'note_private')).toBe(false);
    expect(canAccess({ relations: askers['own manager'], isAuthor: true }, 'read', 'note_private')).toBe(true);
    expect(canAccess({ relations: askers.HR, isAuthor: true }, 'read', 'note_private')).toBe(true);
  });

  it('a trainer outside the chain may mark attendance and nothing else', () => {
    const trainer = askers['another manager'];
    expect(canAccess({ relations: trainer, isTrainer: true }, 'create', 'attendance')).toBe(true);
    expect(canAccess({ relations: trainer, isTrainer: true }, 'create', 'training_plan')).toBe(false);
    expect(canAccess({ relations: trainer, isTrainer: true }, 'read', 'review')).toBe(false);
  });

  it('an HR person or manager creates nothing about themselves, and the trainee never marks their own attendance', () => {
    const hrSelf = relationsOf({ id: 'h', role: 'hr' }, 'h', []);
    expect(hrSelf).toEqual(['self', 'hr']);
    for (const r of ['note_shared', 'training_plan', 'job_adjustment', 'refusal', 'attendance'] as const)
      expect(canAccess({ relations: hrSelf, isTrainer: true }, 'create', r)).toBe(false);
    expect(canAccess({ relations: hrSelf }, 'create', 'acknowledgment')).toBe(true);
  });

  it('HR who is also the manager gets the union of both rows', () => {
    const both = relationsOf({ id: 'm', role: 'hr' }, 'e', chainOfE);
    expect(canAccess({ relations: both }, 'create', 'review')).toBe(true);
    expect(canAccess({ relations: both }, 'create', 'refusal')).toBe(true);
  });
});

describe('early warnings (issue 15)', () => {
  it('are read by the manager chain and HR only: never by the employee, a peer or another manager', () => {
    const readers = Object.entries(askers)
      .filter(([, relations]) => canAccess({ relations }, 'read', 'warning'))
      .map(([asker]) => asker);
    expect(readers).toEqual(['own manager', 'skip-level manager', 'HR', 'admin']);
  });

  it('are created by nobody: only the weekly run writes them', () => {
    for (const relations of Object.values(askers)) expect(canAccess({ relations }, 'create', 'warning')).toBe(false);
  });
});
