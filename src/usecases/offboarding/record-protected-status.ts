/**
 * HR records a protected status (pregnancy, medical treatment period, a recent complaint…) against
 * a person. It blocks opening a case and the policy's blocker-checking steps; open cases of the
 * person are refreshed so the blocker shows at once. A refusal is audited about the person when the
 * asker is the person or in their manager chain, else it goes to the security log.
 */
import { ok, fail, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { isIsoDate } from '../../domain/dates.js';
import { isHr } from '../../domain/people.js';
import { managerChain, tFor } from '../shared/people.js';
import { logSecurityRefusal } from '../shared/security-log.js';
import { currentPolicy, protectedKinds } from './policy.js';
import { refreshOpenCases } from './refresh-cases.js';
import { statusLabel } from '../../ui/screens/offboarding/labels.js';
import { translator } from '../../ui/i18n/index.js';
import { textError } from '../shared/text-errors.js';

export interface RecordProtectedStatusInput {
  actorId: string;
  personId: string | undefined;
  kind: string;
  startsOn: string;
  endsOn?: string | null;
  /** The statute behind an "other statutory protection" (Art. 42(6)); required for that kind. */
  citation?: string;
  note?: string;
}

/** Statuses HR must back with the law that creates them. */
const NEEDS_CITATION = ['other_statutory_protection'];

export const makeRecordProtectedStatus =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: RecordProtectedStatusInput): Result<{ id: number; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!isHr(actor)) {
        const named = input.personId ? tx.org.person(input.personId) : null;
        // The person themself or someone in their manager chain: part of that person's story.
        // Anyone else (or no such person): the security log, rate limited.
        if (named && (named.id === input.actorId || managerChain(tx, named.id).includes(input.actorId)))
          tx.audit.record({
            actorId: input.actorId,
            action: 'case.protected_status_refused',
            subjectType: 'person',
            subjectId: named.id,
            detail: { kind: input.kind },
          });
        else
          logSecurityRefusal(tx, clock.now(), {
            actorId: input.actorId,
            action: 'case.protected_status_refused',
            detail: { personId: named?.id ?? null, kind: input.kind.slice(0, 64), code: 'NOT_AUTHORIZED' },
          });
        return fail('NOT_AUTHORIZED', t('off.protect.hrOnly'));
      }
      const kinds = protectedKinds(currentPolicy(settings));
      const usage = t('off.protect.usage', { kinds: kinds.map((k) => statusLabel(t, k)).join(t('common.listSep')) });
      const person = input.personId ? tx.org.person(input.personId) : null;
      if (!person) return fail('INVALID_INPUT', usage);
      const errors: Record<string, string> = {};
      // Typed commands may name the status in words, in either language (孕期, pregnancy).
      const kind =
        kinds.find((k) => k === input.kind) ??
        kinds.find((k) => [translator('en'), translator('zh-CN')].some((tr) => statusLabel(tr, k) === input.kind));
      if (!kind) errors.kind = usage;
      const citation = input.citation?.trim() ?? '';
      if (kind && NEEDS_CITATION.includes(kind) && !citation) errors.citation = t('off.protect.citationRequired');
      const citationError = textError(t, input.citation ?? '', 'line');
      if (citationError) errors.citation = citationError;
      const noteError = textError(t, input.note ?? '', 'line');
      if (noteError) errors.note = noteError;
      if (!isIsoDate(input.startsOn)) errors.from = t('off.stepForm.badDate');
      const endsOn = input.endsOn?.trim() || null;
      if (endsOn && (!isIsoDate(endsOn) || endsOn < input.startsOn)) errors.to = t('off.stepForm.badDate');
      if (Object.keys(errors).length)
        return fail('INVALID_INPUT', Object.values(errors).join('\n'), { fieldErrors: errors });

      const row = tx.cases.addProtectedStatus({
        personId: person.id,
        kind: kind!,
        startsOn: input.startsOn,
        endsOn,
        citation,
        note: input.note?.trim() ?? '',
        recordedBy: actor!.id,
      });
      tx.audit.record({
        actorId: actor!.id,
        action: 'case.protected_status_recorded',
        subjectType: 'person',
        subjectId: person.id,
        detail: { id: row.id, kind: row.kind, startsOn: row.startsOn, endsOn, ...(citation ? { citation } : {}) },
        ...(row.note ? { text: { note: row.note } } : {}),
      });
      refreshOpenCases(tx, person.id, { settings, now: clock.now() });
      return ok({
        id: row.id,
        confirmation: t('off.protect.ok', { kind: statusLabel(t, row.kind), name: person.name, from: row.startsOn }),
      });
    });
