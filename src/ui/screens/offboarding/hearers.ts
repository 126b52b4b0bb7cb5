/**
 * The suggestions of the appeal's "Heard by" search, and what a typed name that fits several people
 * answers: each person's name with the department and email that tell two people of one name apart.
 */
import type { Option } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { literal } from '../../markup.js';

export interface HearerCandidate {
  id: string;
  name: string;
  department: string;
  email: string;
}

export const buildHearerOptions = (t: T, people: HearerCandidate[]): Option[] =>
  people.map((p) => ({
    value: p.id,
    label: t('off.stepForm.hearerOption', {
      name: literal(p.name),
      department: literal(p.department),
      email: literal(p.email),
    }),
  }));

/**
 * The field error for a typed name that fits several people (`candidates`, as buildHearerOptions
 * labels them), or nobody; `more` when there were more candidates than listed.
 */
export function hearerMatchError(t: T, typed: string, candidates: Option[], more: boolean): string {
  const query = literal(typed);
  if (!candidates.length) return t('off.stepForm.hearerNoMatch', { query });
  const people = candidates.map((o) => o.label).join(t('off.stepForm.hearerListSeparator'));
  return t(more ? 'off.stepForm.hearerManyMore' : 'off.stepForm.hearerMany', { query, people });
}
