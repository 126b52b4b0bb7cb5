/**
 * HR adds a handbook section. Each addition is a new handbook version: an employee's
 * acknowledgment of a version covers the rules in it, and only those (Art. 4: rules bind once made
 * known; Art. 39(2) rests on them).
 */
import { ok, fail, invalid, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { FormValues } from '../../ui/model.js';
import type { HandbookSection } from '../../ports/repos/conduct.js';
import { isHr } from '../../domain/people.js';
import { textValue } from '../../ui/form-values.js';
import { textFieldErrors } from '../shared/text-errors.js';
import { tFor } from '../shared/people.js';

export interface AddHandbookSectionInput {
  actorId: string;
  values: FormValues;
}

export const makeAddHandbookSection =
  ({ store, settings }: UseCaseDeps) =>
  (input: AddHandbookSectionInput): Result<{ section: HandbookSection; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!isHr(actor)) return fail('NOT_AUTHORIZED', t('conduct.handbook.hrOnly'));
      const section = textValue(input.values, 'section');
      const title = textValue(input.values, 'title');
      const body = textValue(input.values, 'body');
      const errors: Record<string, string> = {};
      if (!section) errors.section = t('common.required');
      if (!title) errors.title = t('common.required');
      if (!body) errors.body = t('common.required');
      Object.assign(errors, textFieldErrors(t, input.values, { section: 'id', title: 'line', body: 'long' }));
      const bad = invalid(t('common.invalidInput'), errors);
      if (bad) return bad;
      const row = tx.conduct.addSection({ section, title, body, createdBy: actor!.id });
      tx.audit.record({
        actorId: actor!.id,
        action: 'handbook.section_added',
        subjectType: 'handbook',
        subjectId: row.version,
        detail: { section, title, version: row.version },
      });
      return ok({ section: row, confirmation: t('conduct.handbook.added', { section, version: row.version }) });
    });
