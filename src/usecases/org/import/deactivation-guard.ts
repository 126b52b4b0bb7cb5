/**
 * The safeguard against an empty or truncated people.csv: people missing from the file are
 * deactivated, so a file that lost most of its rows would switch the organisation off (HR and admin
 * included, who could then not even fix it in chat). Pure: counts in, a verdict out.
 */
import type { Person } from '../../../ports/records.js';
import type { RosterEntry } from '../../../ports/repos/org.js';
import { isHr } from '../../../domain/people.js';
import type { T } from '../../../ui/i18n/index.js';
import { fail, type Failure } from '../../result.js';

export const DEFAULT_MAX_DEACTIVATION_SHARE = 0.1;

export interface DeactivationCheck {
  /** Active people the file leaves out, who will be deactivated. */
  toDeactivate: RosterEntry[];
  activeBefore: number;
  /** More than the allowed share would be deactivated. */
  overShare: boolean;
  /** Every active HR and admin account would be deactivated or lose the role. */
  hrLost: RosterEntry[] | null;
}

export function checkDeactivations(
  existing: readonly RosterEntry[],
  inFile: ReadonlyMap<string, Pick<Person, 'role'>>,
  maxShare: number,
): DeactivationCheck {
  const active = existing.filter((p) => p.active);
  const toDeactivate = active.filter((p) => !inFile.has(p.id));
  const hrNow = active.filter(isHr);
  const hrAfter = hrNow.filter((p) => {
    const row = inFile.get(p.id);
    return row && (row.role === 'hr' || row.role === 'admin');
  });
  // A file that adds new HR people keeps HR reachable too.
  const newHr = [...inFile].some(
    ([id, row]) => (row.role === 'hr' || row.role === 'admin') && !hrNow.some((p) => p.id === id),
  );
  return {
    toDeactivate,
    activeBefore: active.length,
    // One leaver is never a mass deactivation, however small the organisation.
    overShare: toDeactivate.length > Math.max(1, maxShare * active.length),
    hrLost: hrNow.length > 0 && hrAfter.length === 0 && !newHr ? hrNow : null,
  };
}

export const percentOf = (count: number, of: number): number => (of === 0 ? 0 : Math.round((count / of) * 100));

/** The refusal, with the count, what it protects against, and how to go ahead if it is intended. */
export function massDeactivationRefused(check: DeactivationCheck, maxShare: number, t: T): Failure {
  const lines: string[] = [];
  if (check.overShare)
    lines.push(
      t('import.massDeactivation', {
        count: check.toDeactivate.length,
        active: check.activeBefore,
        percent: percentOf(check.toDeactivate.length, check.activeBefore),
        max: Math.round(maxShare * 100),
      }),
    );
  if (check.hrLost) lines.push(t('import.noHrLeft', { names: check.hrLost.map((p) => p.id).join(', ') }));
  lines.push(t('import.allowMass'));
  return fail('INVALID_INPUT', lines.join('\n'), {
    detail: { toDeactivate: check.toDeactivate.length, activeBefore: check.activeBefore },
  });
}
