/**
 * Team-channel digests: once a slot is `settings.digestAfter` past its due time (in the manager's
 * zone), its team channel gets one message for the cycle ("Week 48 reviews: 5/7 done. Waiting on
 * …"), key `digest:<cycle>:<channel>`. The channel is the employee's team channel (Slack, else
 * Feishu, else the local `team:<department>`). Every slot of that channel group is then marked,
 * so the digest is sent once even when the group's managers sit in different zones.
 *
 * A due time passes for a whole organisation at once (2,500 team channels in a large department),
 * so the tick sends them a chunk of channels per transaction and yields between transactions
 * (./run-schedule-tick.ts): `readyDigestGroups` finds what is due from a few grouped rows, and
 * `sendChannelDigests` writes one chunk. A crash between chunks loses nothing and sends nothing
 * twice: a chunk's posts and its slots' `digest_sent` are written together, and the outbox key is
 * idempotent, so the next tick sends the rest.
 */
import type { Tx, ReadTx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import type { DigestDueGroup, DigestSlot } from '../../ports/repos/reviews.js';
import type { ChannelAddress } from '../../ports/outbox.js';
import { addDuration } from '../../domain/schedule.js';
import { buildDigest } from '../../ui/screens/review/overdue.js';
import { zoneOf } from '../shared/people.js';
import { teamChannelLocale } from '../shared/channels.js';
import { translator } from '../../ui/i18n/index.js';
import { outboxKeys } from '../shared/outbox-keys.js';

/**
 * Team channels whose digests one transaction writes: about 0.2 ms of CPU each on an idle machine
 * (a digest message, its outbox row, its audit row), several times that on a shared one.
 */
export const CHANNELS_PER_DIGEST = 40;

const addressOf = (v: DigestSlot): ChannelAddress => ({
  slack: v.teamChannelSlack,
  feishu: v.teamChannelFeishu,
  local: `team:${v.department}`,
});

/** The people of a team channel: the employees whose channel it is and their managers, each once. */
const channelReaders = (slots: DigestSlot[]) => {
  const readers = new Map<string, { locale: string | null }>();
  for (const s of slots) {
    readers.set(s.employeeId, { locale: s.employeeLocale });
    readers.set(s.managerId, { locale: s.managerLocale });
  }
  return [...readers.values()];
};

/** The groups of unsent slots whose due time is `digestAfter` past, in their managers' zone. */
export function readyDigestGroups(tx: Pick<ReadTx, 'reviews'>, now: number, settings: AppSettings): DigestDueGroup[] {
  return tx.reviews
    .digestDueGroups(now)
    .filter(
      (g) => addDuration(g.dueAt, settings.digestAfter, zoneOf({ timezone: g.managerTimezone }, settings)) <= now,
    );
}

/**
 * Posts the cycle's digest to each of these channels (counting every slot of the channel, in any
 * zone) and marks the channels' slots as digested. Returns how many digests were queued.
 */
export function sendChannelDigests(tx: Tx, cycleId: number, channels: string[], settings: AppSettings): number {
  const cycle = tx.reviews.cycle(cycleId);
  if (!cycle || !channels.length) return 0;
  const groups = new Map<string, DigestSlot[]>();
  for (const v of tx.reviews.digestSlots(cycleId, channels)) {
    const g = groups.get(v.channel) ?? [];
    g.push(v);
    groups.set(v.channel, g);
  }
  let sent = 0;
  for (const [channel, slots] of groups) {
    const waiting = slots.filter((s) => s.status === 'pending');
    const locale = teamChannelLocale(channelReaders(slots), settings);
    const message = buildDigest(translator(locale), {
      periodLabel: cycle.label,
      done: slots.filter((s) => s.status === 'submitted').length,
      total: slots.length,
      waitingOn: waiting.map((s) => s.employeeId),
    });
    if (
      tx.outbox.post({
        key: outboxKeys.digest(cycleId, channel),
        to: { channel: addressOf(slots[0]!) },
        message,
        locale,
      })
    )
      sent++;
    tx.reviews.markDigestSent(slots.map((s) => s.id));
    tx.audit.record({
      actorId: null,
      action: 'review.digest',
      subjectType: 'cycle',
      subjectId: cycleId,
      detail: { channel, waitingOn: waiting.map((s) => s.employeeId) },
    });
  }
  return sent;
}
