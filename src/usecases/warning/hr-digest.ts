/** HR's weekly digest: at-risk counts per department and the managers with duty gaps. */
import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import { buildHrWarningDigest } from '../../ui/screens/warning/hr-digest.js';
import { translator } from '../../ui/i18n/index.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { hrChannelLocale } from '../shared/channels.js';

export function postHrDigest(
  tx: Tx,
  d: { week: string; peopleByDepartment: Map<string, number>; settings: AppSettings },
): boolean {
  const warnings = tx.warnings.forWeek(d.week);
  const atRisk = new Map<string, Set<string>>();
  for (const w of warnings) atRisk.set(w.department, (atRisk.get(w.department) ?? new Set()).add(w.personId));
  const departments = [...d.peopleByDepartment.entries()]
    .map(([department, people]) => ({ department, people, atRisk: atRisk.get(department)?.size ?? 0 }))
    .sort((a, b) => b.atRisk - a.atRisk || a.department.localeCompare(b.department));
  const managers = tx.warnings
    .dutyGapsForWeek(d.week)
    .map((g) => ({ name: tx.org.person(g.managerId)?.name ?? g.managerId, gaps: g.gaps }));
  const locale = hrChannelLocale(tx, d.settings);
  const posted = tx.outbox.post({
    key: outboxKeys.warningsHrDigest(d.week),
    to: { channel: d.settings.hrChannel },
    message: buildHrWarningDigest(translator(locale), { week: d.week, departments, managers }),
    locale,
  });
  if (posted)
    tx.audit.record({
      actorId: null,
      action: 'warning.hr_digest',
      subjectType: 'report',
      subjectId: d.week,
      detail: { warnings: warnings.length, managersWithGaps: managers.length },
    });
  return posted;
}
