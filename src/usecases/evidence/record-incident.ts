/**
 * Saves an incident from its form, and sends it to the employee with the button to give their
 * written statement (their chance to respond, before any decision). Open cases are refreshed.
 */
import { ok, fail, invalid, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { FormValues } from '../../ui/model.js';
import type { Incident } from '../../ports/repos/conduct.js';
import { dateError } from '../shared/date-errors.js';
import { textValue } from '../../ui/form-values.js';
import { textFieldErrors } from '../shared/text-errors.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { may } from '../shared/access.js';
import { tFor, todayFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { incidentMessage } from './conduct-messages.js';
import { buildAttachConfirmation } from '../../ui/screens/files/file-lines.js';
import type { Message } from '../../ui/model.js';
import { literal } from '../../ui/markup.js';

export interface RecordIncidentInput {
  actorId: string;
  /** The form's state: the subject's person id. Untrusted. */
  personId: string;
  values: FormValues;
}

export const makeRecordIncident =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: RecordIncidentInput): Result<{ incident: Incident; confirmation: string; followUp: Message }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, actor, subject.id, 'create', 'note_evidence'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const v = input.values;
      const errors: Record<string, string> = {};
      const rule = tx.conduct.section(Number(textValue(v, 'rule')));
      if (!rule) errors.rule = t('common.required');
      const occurredOn = textValue(v, 'occurred_on');
      const dateProblem = dateError(t, 'incidentOccurred', occurredOn, todayFor(actor, settings, clock.now()));
      if (dateProblem) errors.occurred_on = dateProblem;
      const description = textValue(v, 'description');
      if (!description) errors.description = t('common.required');
      const evidence = textValue(v, 'evidence');
      if (!evidence) errors.evidence = t('common.required');
      // Lengths and characters last: they replace any other message for the same field.
      Object.assign(errors, textFieldErrors(t, v, { description: 'long', evidence: 'long' }));
      const bad = invalid(t('common.invalidInput'), errors);
      if (bad) return bad;
      const incident = tx.conduct.addIncident({
        personId: subject.id,
        ruleId: rule!.id,
        occurredOn,
        description,
        evidence,
        reportedBy: actor.id,
      });
      tx.audit.record({
        actorId: actor.id,
        action: 'incident.create',
        subjectType: 'incident',
        subjectId: incident.id,
        detail: { personId: subject.id, ruleId: rule!.id, section: rule!.section, occurredOn },
      });
      tx.outbox.post({
        key: outboxKeys.incident(incident.id),
        to: { person: subject.id },
        message: incidentMessage(tx, settings, incident),
      });
      refreshOpenCases(tx, subject.id, { settings, now: clock.now() });
      const confirmation = t('conduct.incident.saved', { name: literal(subject.name) });
      // The screenshot, the witness's signed statement: attached to the incident right away.
      return ok({
        incident,
        confirmation,
        followUp: buildAttachConfirmation(t, confirmation, { type: 'incident', id: incident.id }),
      });
    });
