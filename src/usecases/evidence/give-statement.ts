/**
 * The employee's written statement on an incident: they accept the facts (acknowledged) or dispute
 * them, and their statement is kept verbatim either way.
 */
import type { Result } from '../result.js';
import type { Acknowledgment } from '../../ports/records.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { FormValues } from '../../ui/model.js';
import { isChecked, textValue } from '../../ui/form-values.js';
import { respondToRecord } from './respond-to-record.js';

export interface GiveStatementInput {
  actorId: string;
  incidentId: number;
  values: FormValues;
}

export const makeGiveStatement =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: GiveStatementInput): Result<{ acknowledgment: Acknowledgment; confirmation: string }> =>
    store.tx((tx) =>
      respondToRecord(tx, settings, clock.now(), {
        actorId: input.actorId,
        subjectType: 'incident',
        subjectId: input.incidentId,
        state: isChecked(input.values, 'accepts') ? 'acknowledged' : 'disputed',
        comment: textValue(input.values, 'statement'),
      }),
    );
