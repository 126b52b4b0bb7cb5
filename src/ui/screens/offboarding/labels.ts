/** Labels shared by the offboarding screens: steps, evidence items, blockers, missing-item lines. */
import type { MessageKey, T } from '../../i18n/index.js';
import type { Locale } from '../../../ports/records.js';
import type { ActorRole, Blocker, EvidenceItem, LocalizedText, Policy, Step } from '../../../domain/policy/index.js';
import type { BlockerEvaluation, EvidenceRecordRef, ItemEvaluation } from '../../../domain/policy/evaluate.js';
import type { Missing } from '../../../domain/policy/advance.js';

/** Policy-provided text (a custom policy file) in the reader's language. */
export const localized = (text: LocalizedText, locale: Locale): string =>
  locale === 'zh-CN' && text.zh ? text.zh : text.en;

/** A catalog label for a known id, else the policy's own label, else the id itself. */
function catalogOr(t: T, key: string, fallback: LocalizedText | undefined, id: string, locale: Locale): string {
  if (fallback) return localized(fallback, locale);
  const s = t(key as MessageKey);
  return s === key ? id.replace(/_/g, ' ') : s;
}

export const stepLabel = (t: T, locale: Locale, step: Pick<Step, 'id' | 'label'>): string =>
  catalogOr(t, `off.step.${step.id}`, step.label, step.id, locale);

export function stepLabelById(t: T, locale: Locale, steps: Step[], id: string): string {
  return stepLabel(t, locale, steps.find((s) => s.id === id) ?? { id });
}

export const itemLabel = (t: T, locale: Locale, item: Pick<EvidenceItem, 'kind' | 'label'>): string =>
  catalogOr(t, `off.item.${item.kind}`, item.label, item.kind, locale);

export function blockerLabel(t: T, locale: Locale, policy: Policy, id: string): string {
  const b: Blocker | undefined = policy.blockers.find((x) => x.id === id);
  return catalogOr(t, `off.blocker.${id}`, b?.label, id, locale);
}

export const roleList = (t: T, roles: readonly ActorRole[]): string => roles.map((r) => t(`off.role.${r}`)).join(' / ');

export { mention } from '../../markup.js';

export function recordLine(t: T, r: EvidenceRecordRef): string {
  const ref = t(`off.record.${r.type}`, { id: r.id });
  const ack = r.ack ? ` · ${r.ack}` : '';
  return t('off.record.line', { ref, date: r.date, detail: `${r.detail}${ack}` }).trim();
}

/** "2/2 within 180 days · counted: review #3 …" for one checklist line. */
export function itemDetail(
  t: T,
  locale: Locale,
  policy: Policy,
  items: Record<string, EvidenceItem>,
  e: ItemEvaluation,
): string {
  const parts = [t('off.item.count', { found: e.found, required: e.required, window: e.windowDays })];
  if (e.records.length)
    parts.push(t('off.item.counted', { records: e.records.map((r) => recordLine(t, r)).join('; ') }));
  if (e.awaitingResponse) parts.push(t('off.item.awaiting', { n: e.awaitingResponse }));
  if (e.waitingFor) {
    const dep = items[e.waitingFor];
    parts.push(t('off.item.waitingFor', { item: dep ? itemLabel(t, locale, dep) : e.waitingFor }));
  }
  return parts.join(' · ');
}

export function blockerLine(t: T, locale: Locale, policy: Policy, b: BlockerEvaluation): string {
  return t('off.blocker.line', {
    blocker: blockerLabel(t, locale, policy, b.id),
    status: b.statusKind.replace(/_/g, ' '),
    since: b.since,
  });
}

/** One line per thing that is missing, in the order the gate found them. */
export function missingLines(
  t: T,
  locale: Locale,
  policy: Policy,
  steps: Step[],
  items: Record<string, EvidenceItem>,
  missing: Missing[],
): string[] {
  return missing.map((m) => {
    switch (m.kind) {
      case 'case_closed':
        return t('off.missing.closed');
      case 'unknown_step':
        return t('off.missing.unknown');
      case 'actor':
        return t('off.missing.actor', { roles: roleList(t, m.need), step: stepLabelById(t, locale, steps, m.stepId) });
      case 'already_confirmed':
        return t('off.missing.confirmed', { role: t(`off.role.${m.role}`) });
      case 'already_done':
        return t('off.missing.done', { step: stepLabelById(t, locale, steps, m.stepId) });
      case 'step':
        return t('off.missing.step', {
          step: stepLabelById(t, locale, steps, m.stepId),
          roles: roleList(t, m.waitingOn),
        });
      case 'evidence': {
        const item = items[m.item.id];
        return t('off.missing.evidence', {
          item: item ? itemLabel(t, locale, item) : m.item.id,
          count: t('off.item.count', { found: m.item.found, required: m.item.required, window: m.item.windowDays }),
        });
      }
      case 'blocker':
        return t('off.missing.blocker', {
          blocker: blockerLabel(t, locale, policy, m.blocker.id),
          status: m.blocker.statusKind.replace(/_/g, ' '),
          since: m.blocker.since,
        });
    }
  });
}
