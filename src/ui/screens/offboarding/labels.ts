/** Labels shared by the offboarding screens: paths, steps, evidence items, blockers, protected statuses. */
import type { MessageKey, T } from '../../i18n/index.js';
import type { Locale } from '../../../ports/records.js';
import {
  pathFor,
  type ActorRole,
  type Blocker,
  type EvidenceItem,
  type LocalizedText,
  type Policy,
  type ReasonKind,
  type Step,
} from '../../../domain/policy/index.js';

/** Policy-provided text (a custom policy file) in the reader's language. */
export const localized = (text: LocalizedText, locale: Locale): string =>
  locale === 'zh-CN' && text.zh ? text.zh : text.en;

/** A catalog label for a known id, else the policy's own label, else the id in words. */
function catalogOr(t: T, keys: string[], fallback: LocalizedText | undefined, id: string, locale: Locale): string {
  if (fallback) return localized(fallback, locale);
  for (const key of keys) {
    const s = t(key as MessageKey);
    if (s !== key) return s;
  }
  return id.replace(/_/g, ' ');
}

/** The path's name: 协商一致解除（第三十六条）, "Incompetence (Art. 40(2))". */
export function pathLabel(t: T, locale: Locale, policy: Policy, reason: ReasonKind): string {
  const label = pathFor(policy, reason).label;
  return label ? localized(label, locale) : t(`off.reason.${reason}`);
}

/** The legal basis of the path, for the policy line. */
export function pathBasis(locale: Locale, policy: Policy, reason: ReasonKind): string {
  const p = pathFor(policy, reason);
  return localized(p.basis ?? policy.name, locale);
}

export const stepLabel = (t: T, locale: Locale, step: Pick<Step, 'id' | 'label'>): string =>
  catalogOr(t, [`off.step.${step.id}`], step.label, step.id, locale);

export function stepLabelById(t: T, locale: Locale, steps: Step[], id: string): string {
  return stepLabel(t, locale, steps.find((s) => s.id === id) ?? { id });
}

/** An evidence item's label: the policy's own, else the catalog's for its id, else for its kind. */
export const itemLabel = (t: T, locale: Locale, item: Pick<EvidenceItem, 'kind' | 'label'>, id?: string): string =>
  catalogOr(t, [...(id ? [`off.item.${id}`] : []), `off.item.${item.kind}`], item.label, id ?? item.kind, locale);

export function blockerLabel(t: T, locale: Locale, policy: Policy, id: string): string {
  const b: Blocker | undefined = policy.blockers.find((x) => x.id === id);
  return catalogOr(t, [`off.blocker.${id}`], b?.label, id, locale);
}

/** A protected status in words (孕期, not `pregnancy`). */
export const statusLabel = (t: T, kind: string): string =>
  catalogOr(t, [`gate.pstatus.${kind}`], undefined, kind, 'en');

export const roleList = (t: T, roles: readonly ActorRole[]): string => roles.map((r) => t(`off.role.${r}`)).join(' / ');

export { mention } from '../../markup.js';

/** A note kind in words. */
export const noteKindLabel = (t: T, kind: string): string =>
  catalogOr(t, [`ev.noteKind.${kind}`], undefined, kind, 'en');
