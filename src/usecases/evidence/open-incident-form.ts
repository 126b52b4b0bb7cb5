/**
 * `/dandang incident @person`: the manager chain or HR records a conduct incident. The form asks
 * which handbook section was broken, when, what happened and what evidence is held.
 */
import { ok, fail, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { buildIncidentForm, currentSections } from '../../ui/screens/evidence/conduct.js';
import { may } from '../shared/access.js';
import { tFor, todayFor } from '../shared/people.js';

export const makeOpenIncidentForm =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: { actorId: string; personId: string | undefined }): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (!input.personId) return fail('INVALID_INPUT', t('conduct.incident.usage'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      // An incident is evidence-grade: who may write one is who may write an evidence note.
      if (!may(tx, actor, subject.id, 'create', 'note_evidence'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const sections = currentSections(tx.conduct.sections(), tx.conduct.handbookVersion());
      if (!sections.length) return fail('CONFLICT', t('conduct.incident.noHandbook'));
      return ok(
        buildIncidentForm(t, {
          personId: subject.id,
          personName: subject.name,
          sections: sections.map((s) => ({ value: String(s.id), label: `§${s.section} ${s.title}` })),
          today: todayFor(actor, settings, clock.now()),
        }),
      );
    });
