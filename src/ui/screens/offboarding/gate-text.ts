/**
 * The gate in plain words, in the reader's language: what is missing and who must supply it
 * ("Wei Liu must record a second conversation with Bo about the gap."), why a record does not
 * count, and what a protected status is. Never an id, a key or a count such as "7/2".
 */
import type { MessageKey, T } from '../../i18n/index.js';
import type { Locale } from '../../../ports/records.js';
import { pathFor, type EvidenceItem, type Policy, type ReasonKind, type Step } from '../../../domain/policy/index.js';
import type {
  BlockerEvaluation,
  EvidenceRecordRef,
  ItemEvaluation,
  Rejection,
} from '../../../domain/policy/evaluate.js';
import type { Missing } from '../../../domain/policy/advance.js';
import { blockerLabel, itemLabel, noteKindLabel, roleList, statusLabel, stepLabel, stepLabelById } from './labels.js';

/** Who the sentences are about, by name. */
export interface GateText {
  t: T;
  locale: Locale;
  policy: Policy;
  reason: ReasonKind;
  employee: string;
  /** The line manager's name; null when the employee has none. */
  manager: string | null;
  kpiNames: Record<string, string>;
}

const has = (t: T, key: string) => t(key as MessageKey) !== key;

function kpiList(g: GateText, keys: string[]): string {
  return keys.map((k) => g.kpiNames[k] ?? k).join(g.t('common.listSep'));
}

/** "review “2026-W24” (2026-06-08)", "1:1 of 2026-06-02 (recorded 45 days later)". */
export function recordRef(g: GateText, r: EvidenceRecordRef): string {
  const { t } = g;
  let s: string;
  switch (r.type) {
    case 'kpis':
      s = t('gate.rec.kpis', { job: r.title });
      break;
    case 'review':
      s = t('gate.rec.review', { period: r.title, date: r.date });
      break;
    case 'note':
      s = t('gate.rec.note', { kind: noteKindLabel(t, r.noteKind ?? ''), date: r.date });
      break;
    case 'training_plan':
      s = t('gate.rec.training', { goal: r.title, date: r.date });
      break;
    case 'job_adjustment':
      s = t('gate.rec.adjustment', { job: r.title, date: r.date });
      break;
    case 'incident':
      s = r.title
        ? t('gate.rec.incident', { date: r.date, rule: r.title })
        : t('gate.rec.incidentNoRule', { date: r.date });
      break;
    case 'handbook':
      s = t('gate.rec.handbook', { version: r.id, date: r.date });
      break;
  }
  return r.recordedLateDays ? `${s} ${t('gate.rec.late', { days: r.recordedLateDays })}` : s;
}

/** A counted record with its response and attendance: "training “Triage” (2026-06-10), 3 of 3 sessions attended". */
function countedRef(g: GateText, r: EvidenceRecordRef): string {
  const parts = [recordRef(g, r)];
  if ((r.type === 'review' || r.type === 'training_plan') && r.kpiKeys.length)
    parts.push(g.t('gate.rec.on', { kpis: kpiList(g, r.kpiKeys) }));
  if (r.attendance) parts.push(g.t('gate.rec.attendance', r.attendance));
  if (r.ack) parts.push(g.t(`gate.ack.${r.ack}`));
  return parts.join(g.locale === 'zh-CN' ? '，' : ', ');
}

/** The next record, by its place: "a", "a second", "a third", "another". */
function which(t: T, found: number): string {
  if (found === 0) return t('gate.which.a');
  if (found === 1) return t('gate.which.2');
  if (found === 2) return t('gate.which.3');
  return t('gate.which.n');
}

function supplierName(g: GateText, e: ItemEvaluation): string {
  if (e.suppliedBy === 'hr') return g.t('off.role.hr');
  if (e.suppliedBy === 'employee') return g.employee;
  return g.manager ?? g.t('off.role.manager');
}

/** Why one record does not count, or null for a reason not worth a line (too old to matter). */
export function rejectionLine(
  g: GateText,
  items: Record<string, EvidenceItem>,
  rec: EvidenceRecordRef,
  why: Rejection,
): string | null {
  const { t } = g;
  if (why.rule === 'outside_window') return null;
  const anchorItem = why.anchor ? items[why.anchor] : undefined;
  const anchor = anchorItem ? itemLabel(t, g.locale, anchorItem, why.anchor) : (why.anchor ?? '');
  const params = {
    rec: recordRef(g, rec),
    name: g.employee,
    date: why.date ?? '',
    days: why.days ?? 0,
    anchor,
    percent: why.days ?? 0,
    attended: rec.attendance?.attended ?? 0,
    sessions: rec.attendance?.sessions ?? 0,
    every: why.days ?? 0,
  };
  if (why.rule === 'too_soon' && !why.days) return t('gate.why.too_soon0', params);
  if (why.rule === 'check_in_gap') {
    const every = Object.values(items).find((i) => i.conditions.everyDays)?.conditions.everyDays ?? 0;
    return t('gate.why.check_in_gap', { ...params, every });
  }
  return t(`gate.why.${why.rule}`, params);
}

/** The sentence of what is missing and who must supply it. */
function needSentence(g: GateText, itemId: string, item: EvidenceItem, e: ItemEvaluation): string {
  const { t } = g;
  const c = item.conditions;
  const params = {
    who: supplierName(g, e),
    name: g.employee,
    which: which(t, e.found),
    percent: Math.round(c.minAttendance * 100),
    days: c.minDaysAfter,
    every: c.everyDays ?? 0,
    doc: itemLabel(t, g.locale, item, itemId),
    item: itemLabel(t, g.locale, item, itemId),
  };
  for (const key of [`gate.need.${itemId}`, `gate.need.${e.kind}`])
    if (has(t, key)) return t(key as MessageKey, params);
  return t('gate.need.other', params);
}

/** The detail of one checklist line: what counted, or what is missing and who must supply it, and why. */
export function itemDetail(g: GateText, itemId: string, item: EvidenceItem, e: ItemEvaluation): string {
  const { t } = g;
  const items = pathFor(g.policy, g.reason).evidence;
  const parts: string[] = [];
  if (!e.ok) {
    const needed = e.required - e.found;
    if (e.awaitingResponse < needed || e.awaitingResponse === 0) parts.push(needSentence(g, itemId, item, e));
    if (e.awaiting.length)
      parts.push(
        t('gate.need.respond', {
          name: g.employee,
          records: e.awaiting.map((r) => recordRef(g, r)).join(t('gate.recordSep')),
        }),
      );
    if (e.waitingFor) {
      const dep = items[e.waitingFor];
      parts.push(t('gate.need.after', { item: dep ? itemLabel(t, g.locale, dep, e.waitingFor) : e.waitingFor }));
    }
    if (e.required > 1) parts.push(t('gate.have', { found: e.found, required: e.required }));
    for (const r of e.rejected) {
      const line = rejectionLine(g, items, r.record, r.reason);
      if (line) parts.push(line);
    }
  }
  if (e.records.length)
    parts.push(t('gate.counted', { records: e.records.map((r) => countedRef(g, r)).join(t('gate.recordSep')) }));
  return parts.join(' ');
}

export function blockerLine(g: GateText, b: BlockerEvaluation): string {
  const { t } = g;
  const blocker = blockerLabel(t, g.locale, g.policy, b.id);
  if (b.unknown === 'hire_date') return t('gate.blocker.unknownHire', { blocker, name: g.employee });
  if (b.unknown === 'birth_date')
    return t('gate.blocker.unknownBirth', { blocker, name: g.employee, years: b.derived?.serviceYears ?? 0 });
  const r = b.derived?.retirement;
  if (b.derived && r) {
    const age = r.months ? t('gate.age', { years: r.years, months: r.months }) : t('gate.ageYears', { years: r.years });
    const line = t('gate.blocker.derived', { blocker, years: b.derived.serviceYears, age, date: r.date });
    return r.assumed ? `${line} ${t('gate.blocker.assumed')}` : line;
  }
  return t('gate.blocker.status', { blocker, status: statusLabel(t, b.statusKind), since: b.since });
}

function stepWho(g: GateText, roles: readonly ('manager' | 'hr')[]): string {
  return roles.map((r) => (r === 'manager' && g.manager ? g.manager : g.t(`off.role.${r}`))).join(' / ');
}

/** One line per thing that stops a step, in the order the gate found them. */
export function missingLines(g: GateText, missing: Missing[]): string[] {
  const { t, locale } = g;
  const path = pathFor(g.policy, g.reason);
  const steps: Step[] = path.steps;
  const label = (id: string) => stepLabelById(t, locale, steps, id);
  return missing.map((m) => {
    switch (m.kind) {
      case 'case_closed':
        return t('off.missing.closed');
      case 'unknown_step':
        return t('off.missing.unknown');
      case 'actor':
        return t('gate.only', { roles: roleList(t, m.need), step: label(m.stepId) });
      case 'not_independent':
        return t('gate.notIndependent', { step: label(m.stepId), name: g.employee });
      case 'already_confirmed':
        return t('off.missing.confirmed', { role: t(`off.role.${m.role}`) });
      case 'same_person':
        return t('gate.samePerson', { step: label(m.stepId), roles: roleList(t, m.need) });
      case 'already_done':
        return t('off.missing.done', { step: label(m.stepId) });
      case 'step':
        return t('gate.stepFirst', { step: label(m.stepId), who: stepWho(g, m.waitingOn) });
      case 'not_yet':
        return t('gate.notYet', { dateOf: label(m.dateOf), date: m.date, step: label(m.stepId) });
      case 'evidence': {
        const item = path.evidence[m.item.id];
        if (!item) return m.item.id;
        return `${itemLabel(t, locale, item, m.item.id)}: ${itemDetail(g, m.item.id, item, m.item)}`;
      }
      case 'blocker':
        return blockerLine(g, m.blocker);
    }
  });
}

/** Who a step waits on, by name. */
export const waitingWho = stepWho;
export { stepLabel };
