/**
 * One manager's weekly DM: their reports with a warning this week, and their own duty gaps
 * (recorded for HR's digest). Sent once per manager and week (the outbox key).
 */
import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import type { WarningRecord } from '../../ports/repos/warnings.js';
import { dutyGaps, type WarningPolicy } from '../../domain/warning/index.js';
import { buildManagerWarnings, type WarnedPerson } from '../../ui/screens/warning/manager-dm.js';
import { signalKpiKeys } from '../../ui/screens/warning/signal-text.js';
import { tFor, todayFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { dutyFacts } from './duty-facts.js';

export function notifyManager(
  tx: Tx,
  m: {
    managerId: string;
    reportIds: string[];
    warnings: WarningRecord[];
    week: string;
    now: number;
    policy: WarningPolicy;
    settings: AppSettings;
  },
): { messaged: boolean; gaps: number } {
  const manager = tx.org.person(m.managerId);
  if (!manager?.active) return { messaged: false, gaps: 0 };
  const belowTarget = new Set(
    m.warnings.filter((w) => w.signals.some((s) => s.kind === 'kpi_below')).map((w) => w.personId),
  );
  const gaps = dutyGaps(
    dutyFacts(tx, m.managerId, m.reportIds, belowTarget),
    m.policy,
    m.now,
    todayFor(manager, m.settings, m.now),
  );
  if (gaps.length) tx.warnings.saveDutyGaps(m.managerId, m.week, gaps, m.now);
  if (!gaps.length && !m.warnings.length) return { messaged: false, gaps: 0 };

  const nameOf = (id: string) => tx.org.person(id)?.name ?? id;
  const people: WarnedPerson[] = m.warnings.map((w) => {
    const keys = w.suggestion.kind === 'training' ? w.suggestion.kpiKeys : signalKpiKeys(w.signals);
    const names = new Map(
      w.signals.flatMap((s) => (s.kind === 'kpi_below' || s.kind === 'kpi_trend' ? [[s.kpiKey, s.kpiName]] : [])),
    );
    return {
      personId: w.personId,
      name: nameOf(w.personId),
      signals: w.signals,
      suggestion: w.suggestion,
      kpiNames: keys.map((k) => names.get(k) ?? k),
    };
  });
  const t = tFor(manager, m.settings);
  const messaged = tx.outbox.post({
    key: outboxKeys.warningsForManager(m.week, m.managerId),
    to: { person: m.managerId },
    message: buildManagerWarnings(t, { people, gaps, nameOf }),
  });
  if (messaged)
    tx.audit.record({
      actorId: null,
      action: 'warning.notify_manager',
      subjectType: 'person',
      subjectId: m.managerId,
      detail: { week: m.week, warnings: m.warnings.map((w) => w.id), gaps: gaps.map((g) => g.kind) },
    });
  return { messaged, gaps: gaps.length };
}
