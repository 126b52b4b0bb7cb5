/** The daily audit checkpoint posted to the HR channel: the head hash and row count, and how to check them. */
import type { Message } from '../../model.js';
import type { T } from '../../i18n/index.js';

export interface AuditCheckpointView {
  day: string;
  rows: number;
  hash: string;
  signed: boolean;
}

export function buildAuditCheckpointMessage(t: T, c: AuditCheckpointView): Message {
  const header = t('sec.checkpoint.header', { day: c.day });
  return {
    text: `${header}: ${c.rows} · ${c.hash}`,
    blocks: [
      { type: 'header', text: header },
      { type: 'text', text: t('sec.checkpoint.body', { day: c.day, rows: c.rows }) },
      { type: 'text', text: c.hash },
      { type: 'context', text: t('sec.checkpoint.keep') },
      { type: 'context', text: t('sec.checkpoint.command', { rows: c.rows, hash: c.hash }) },
      ...(c.signed ? [] : [{ type: 'context' as const, text: t('sec.checkpoint.unsigned') }]),
    ],
  };
}
