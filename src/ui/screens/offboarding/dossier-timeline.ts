/**
 * The dossier's case timeline in the reader's words: what happened at each step, who did it, and
 * what the step recorded (a date, what a protected-status check looked at, the release, the
 * appeal), never the stored JSON or an internal id (issue 10: "no raw English ids in Chinese
 * text"). The CSV export keeps the stored detail as data.
 */
import type { MessageKey, T } from '../../i18n/index.js';
import { pathFor, type Policy, type Step } from '../../../domain/policy/index.js';
import type { ReleaseLine } from '../../../domain/settlement.js';
import type { DossierModel } from './dossier-model.js';
import { blockerLabel, itemLabel, stepLabelById } from './labels.js';
import { releaseItems } from './settlement.js';

type Detail = Record<string, unknown>;
type Event = DossierModel['timeline'][number];

const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A catalog entry when there is one, else the fallback. */
function known(t: T, key: string, fallback: string): string {
  const s = t(key as MessageKey);
  return s === key ? fallback : s;
}

function stepName(t: T, m: DossierModel, steps: Step[], id: string): string {
  if (id === 'opened' || id === 'withdrawn') return t(`off.timeline.${id}`);
  return stepLabelById(t, m.locale, steps, id);
}

function outcomeText(t: T, e: Event): string {
  if (e.outcome === 'note' && e.detail.attendance === true) return t('off.timeline.attended');
  if (e.outcome === 'note' && e.step === 'opened') return t('off.timeline.openedBy');
  return known(t, `off.timeline.outcome.${e.outcome}`, e.outcome);
}

/** What a protected-status check looked at, each with its result. */
function checkedText(t: T, m: DossierModel, policy: Policy, checked: unknown): string {
  if (!Array.isArray(checked)) return '';
  const lines = checked.map((c: Detail) => {
    const label = blockerLabel(t, m.locale, policy, textOf(c.id));
    let result = known(t, `off.timeline.check.${textOf(c.result)}`, textOf(c.result));
    // The 15-years rule is derived from the record: say what it was derived from.
    if (typeof c.serviceYears === 'number')
      result += textOf(c.retirement)
        ? t('off.timeline.check.retirement', { years: c.serviceYears, retirement: textOf(c.retirement) })
        : t('off.timeline.check.service', { years: c.serviceYears });
    return t('off.timeline.checkResult', { label, result });
  });
  // Labels hold commas of their own (孕期、产期或哺乳期): the records' separator keeps them apart.
  return t('off.thread.checked', { checked: lines.join(t('gate.recordSep')) });
}

/** One refused attempt's reasons, from the stored summary ("evidence:remedy:0/1:too_soon", "step:hr_approves"). */
function refusedText(t: T, m: DossierModel, steps: Step[], d: Detail): string {
  const evidence = pathFor(m.policy, m.reason).evidence;
  const summary = Array.isArray(d.missing) ? (d.missing as unknown[]).map(textOf) : [];
  const parts = summary.map((s) => {
    const [kind, id = '', extra = ''] = s.split(':');
    const item = evidence[id];
    if (kind === 'evidence')
      return item
        ? t('off.timeline.refused.missing', { item: itemLabel(t, m.locale, item, id) })
        : t('off.timeline.refused.evidence');
    if (kind === 'step') return t('off.timeline.refused.step', { step: stepLabelById(t, m.locale, steps, id) });
    if (kind === 'not_yet') return t('off.timeline.refused.notYet', { date: extra });
    if (kind === 'blocker') return blockerLabel(t, m.locale, m.policy, id);
    // Who may act (not the line manager, the same person twice, already done): a permission, not evidence.
    return t('off.timeline.refused.permission');
  });
  return parts.length ? t('off.timeline.refused.because', { why: [...new Set(parts)].join(t('gate.recordSep')) }) : '';
}

/** Everything a done step recorded, in sentences the catalog already has. */
function detailText(t: T, m: DossierModel, steps: Step[], e: Event): string {
  const d = e.detail;
  const out: string[] = [];
  if (e.step === 'opened') {
    if (textOf(d.reasonText)) out.push(textOf(d.reasonText));
    return out.join(t('off.timeline.sentenceSep'));
  }
  if (e.outcome === 'withdrawn') return textOf(d.reason);
  if (e.outcome === 'refused') return refusedText(t, m, steps, d);
  if (textOf(d.date)) out.push(t('off.thread.date', { date: textOf(d.date) }));
  if (d.accompanied === true) out.push(t('off.timeline.accompanied'));
  if (d.checked) out.push(checkedText(t, m, m.policy, d.checked));
  if (d.payInLieu === true) out.push(t('off.timeline.payInLieu'));
  if (textOf(d.lastDay)) out.push(t('off.timeline.lastDay', { date: textOf(d.lastDay) }));
  if (Array.isArray(d.release))
    out.push(t('off.thread.release', { items: releaseItems(t, d.release as ReleaseLine[]) }));
  if (d.proposedBy === 'employer' || d.proposedBy === 'employee')
    out.push(t('off.timeline.proposedBy', { proposer: t(`gate.proposer.${d.proposedBy}`) }));
  if (d.outcome === 'upheld' || d.outcome === 'overturned' || d.outcome === 'not_lodged')
    out.push(t('off.thread.appeal', { outcome: t(`off.appeal.${d.outcome}`) }));
  if (textOf(d.heardBy)) out.push(t('off.timeline.heardBy', { name: m.names[textOf(d.heardBy)] ?? textOf(d.heardBy) }));
  return out.join(t('off.timeline.sentenceSep'));
}

/** The timeline's rows: which step, what happened and by whom, what it recorded (the caller stamps `at`). */
export function timelineRows(t: T, m: DossierModel, steps: Step[]): { at: number; cells: [string, string, string] }[] {
  return m.timeline.map((e) => ({
    at: e.at,
    cells: [
      stepName(t, m, steps, e.step),
      `${outcomeText(t, e)}${t('gate.reasonSep')}${e.actor}`,
      detailText(t, m, steps, e),
    ],
  }));
}
