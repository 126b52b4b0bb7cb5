/** Pieces the presets share: note kinds that count as what, and the agreed-exit path. */
import type { PolicyInput } from '../schema.js';

export const CONVERSATION = ['one_on_one', 'feedback'];

type Path = PolicyInput['mutual'];

/**
 * An agreed exit (CN Art. 36, a US separation agreement, a UK settlement agreement): no evidence
 * gate and no protected-status check, but HR approves and the itemised release is recorded with
 * who proposed it and the employee's confirmation that nothing was coerced.
 */
export function agreedExit(o: Pick<Path, 'label' | 'basis' | 'severance'>, releaseBasis: string): Path {
  return {
    ...o,
    evidence: {},
    blockersAtOpen: false,
    notice: { kind: 'none' },
    steps: [
      { id: 'hr_approves', who: ['hr'], requiresEvidence: false },
      { id: 'release_signed', who: ['hr'], input: 'release', requiresEvidence: false, statutory: releaseBasis },
      { id: 'close', who: ['hr'], requiresEvidence: false },
    ],
  };
}

/** A misconduct case's own evidence: the incident with its evidence, and the employee's side of it. */
export const INCIDENT_EVIDENCE: NonNullable<Path['evidence']> = {
  incident: { kind: 'incident', count: 1, windowDays: 365 },
  employee_response: {
    kind: 'employee_response',
    count: 1,
    windowDays: 365,
    conditions: { after: 'incident', acknowledged: true },
  },
};
