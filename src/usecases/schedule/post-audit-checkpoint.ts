/**
 * Once a day, at `auditCheckpointTime` in the org's zone: pin the audit log's head in a signed
 * checkpoint, record it in the chain, and post it to the HR channel, where the database cannot
 * rewrite it. The tick runs it every minute; a day that has its checkpoint is a no-op.
 */
import { ok, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { AuditCheckpointView } from '../../ports/audit.js';
import { CHECKPOINT_ACTION } from '../../domain/audit-chain.js';
import { dateOf, wallTimeAt } from '../../domain/zoned-time.js';
import { parseTimeOfDay } from '../../domain/dates.js';
import { translator } from '../../ui/i18n/index.js';
import { buildAuditCheckpointMessage } from '../../ui/screens/security/audit-checkpoint.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { hrChannelLocale } from '../shared/channels.js';

export const DEFAULT_CHECKPOINT_TIME = '09:00';

export const makePostAuditCheckpoint =
  ({ store, clock, settings }: UseCaseDeps) =>
  (): Result<AuditCheckpointView | null> => {
    const wall = wallTimeAt(clock.now(), settings.timezone);
    const at = parseTimeOfDay(settings.auditCheckpointTime ?? DEFAULT_CHECKPOINT_TIME)!;
    // Before the time of day, no transaction at all: the tick calls this every minute.
    if (wall.hour * 60 + wall.minute < at.hour * 60 + at.minute) return ok(null);
    const day = dateOf(wall);
    return store.tx((tx) => {
      const c = tx.audit.checkpoint(day);
      if (!c) return ok(null);
      tx.audit.record({
        actorId: null,
        action: CHECKPOINT_ACTION,
        subjectType: 'audit_checkpoint',
        subjectId: c.id,
        detail: { checkpointId: c.id, uptoId: c.uptoId, rows: c.rows, head: c.hash },
      });
      const locale = hrChannelLocale(tx, settings);
      tx.outbox.post({
        key: outboxKeys.auditCheckpoint(day),
        to: { channel: settings.hrChannel },
        message: buildAuditCheckpointMessage(translator(locale), c),
        locale,
      });
      return ok(c);
    });
  };
