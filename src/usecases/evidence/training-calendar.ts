/**
 * A training plan's sessions as a calendar file, for the employee and a trainer in Dandang: one
 * event per session, with its place (a meeting link also as the event's link) and an alarm.
 */
import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import type { TrainingPlan } from '../../ports/repos/evidence.js';
import { toIcs } from '../../ui/calendar.js';
import { parseMeetingUrl } from '../../domain/meeting-url.js';
import { tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

const ALARM_MINUTES = 30;

export function sendTrainingIcs(tx: Tx, settings: AppSettings, plan: TrainingPlan): void {
  const employee = tx.org.person(plan.personId);
  const trainer = plan.trainerId ? tx.org.person(plan.trainerId) : null;
  for (const reader of [employee, trainer]) {
    if (!reader?.active || !plan.sessions.length) continue;
    const t = tFor(reader, settings);
    tx.outbox.upload({
      key: outboxKeys.trainingIcs(plan.id, reader.id),
      to: { person: reader.id },
      filename: `training-${plan.id}.ics`,
      title: t('ev.training.icsFile', { goal: plan.goal }),
      content: toIcs(
        plan.sessions.map((s, i) => {
          const url = parseMeetingUrl(s.location);
          return {
            uid: `training-session-${s.id}@dandang`,
            when: { start: s.startsAt, end: s.endsAt },
            title: t('ev.training.icsTitle', { goal: plan.goal, n: i + 1, count: plan.sessions.length }),
            description: plan.content,
            location: s.location,
            ...(url ? { url } : {}),
            ...(employee ? { attendees: [{ name: employee.name, email: employee.email }] } : {}),
            stamp: plan.createdAt,
            alarmMinutesBefore: ALARM_MINUTES,
          };
        }),
      ),
    });
  }
}
