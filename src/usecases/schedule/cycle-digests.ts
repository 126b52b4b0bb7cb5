/**
 * Team-channel digests: once a slot is `settings.digestAfter` past its due time (in the manager's
 * zone), its team channel gets one message for the cycle ("Week 48 reviews: 5/7 done. Waiting on
 * …"), key `digest:<cycle>:<channel>`. The channel is the employee's team channel (Slack, else
 * Feishu, else the local `team:<department>`). Every slot of that channel group is then marked,
 * so the digest is sent once even when the group's managers sit in different zones.
 */
import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import type { SlotView } from '../../ports/repos/reviews.js';
import type { ChannelAddress } from '../../ports/outbox.js';
import { addDuration } from '../../domain/schedule.js';
import { buildDigest } from '../../ui/screens/review/overdue.js';
import { tFor, zoneOf } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

const channelOf = (v: SlotView): { key: string; address: ChannelAddress } => {
  const local = `team:${v.department}`;
  return {
    key: v.teamChannelSlack ?? v.teamChannelFeishu ?? local,
    address: { slack: v.teamChannelSlack, feishu: v.teamChannelFeishu, local },
  };
};

export function sendDigests(tx: Tx, now: number, settings: AppSettings): number {
  const candidates = tx.reviews.digestCandidates(now);
  if (!candidates.length) return 0;
  const readyAt = new Map<string, number>();
  const ready = candidates.filter((s) => {
    const zone = zoneOf({ timezone: s.managerTimezone }, settings);
    const pair = `${s.dueAt}|${zone}`;
    let at = readyAt.get(pair);
    if (at === undefined) readyAt.set(pair, (at = addDuration(s.dueAt, settings.digestAfter, zone)));
    return at <= now;
  });
  if (!ready.length) return 0;

  const readyIds = new Set(ready.map((s) => s.id));
  const t = tFor(null, settings);
  let sent = 0;
  for (const cycleId of new Set(ready.map((s) => s.cycleId))) {
    const cycle = tx.reviews.cycle(cycleId);
    if (!cycle) continue;
    const groups = new Map<string, { address: ChannelAddress; slots: SlotView[] }>();
    for (const v of tx.reviews.slotViews({ cycleId })) {
      const ch = channelOf(v);
      const g = groups.get(ch.key) ?? { address: ch.address, slots: [] };
      g.slots.push(v);
      groups.set(ch.key, g);
    }
    for (const [channel, g] of groups) {
      if (!g.slots.some((s) => readyIds.has(s.id))) continue;
      const waiting = g.slots.filter((s) => s.status === 'pending');
      const message = buildDigest(t, {
        periodLabel: cycle.label,
        done: g.slots.filter((s) => s.status === 'submitted').length,
        total: g.slots.length,
        waitingOn: waiting.map((s) => s.employeeId),
      });
      if (
        tx.outbox.post({
          key: outboxKeys.digest(cycleId, channel),
          to: { channel: g.address },
          message,
          locale: settings.locale,
        })
      )
        sent++;
      tx.reviews.markDigestSent(g.slots.map((s) => s.id));
      tx.audit.record({
        actorId: null,
        action: 'review.digest',
        subjectType: 'cycle',
        subjectId: cycleId,
        detail: { channel, waitingOn: waiting.map((s) => s.employeeId) },
      });
    }
  }
  return sent;
}
