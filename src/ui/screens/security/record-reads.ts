/** `/dandang audit @person`: who opened the person's records, newest first (HR only). */
import type { Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import type { RecordRead } from '../../../ports/audit.js';
import { dateOf, pad2, wallTimeAt } from '../../../domain/zoned-time.js';
import { literal } from '../../markup.js';
import { parseSubjectRef } from '../../../domain/files.js';
import { recordLabel } from '../files/file-lines.js';

export interface RecordReadsView {
  personName: string;
  reads: RecordRead[];
  /** The reader's zone, for the times. */
  zone: string;
  names: (id: string) => string;
}

const when = (ms: number, zone: string) => {
  const w = wallTimeAt(ms, zone);
  return `${dateOf(w)} ${pad2(w.hour)}:${pad2(w.minute)}`;
};

function what(t: T, r: RecordRead): string {
  const caseId = Number(r.detail.caseId);
  switch (r.action) {
    case 'read.record':
      return t('sec.reads.record');
    case 'read.cases':
      return t('sec.reads.cases', { id: caseId });
    case 'read.dossier':
      return t('sec.reads.dossier', { id: caseId });
    case 'read.reads':
      return t('sec.reads.reads');
    case 'read.files': {
      const ref = parseSubjectRef(`${String(r.detail.subjectType)}:${String(r.detail.subjectId)}`);
      return t('sec.reads.files', { record: ref ? recordLabel(t, ref) : '?' });
    }
  }
}

export function buildRecordReads(t: T, v: RecordReadsView): Message {
  const header = t('sec.reads.header', { name: literal(v.personName) });
  const lines = v.reads.map((r) =>
    t('sec.reads.line', {
      at: when(r.at, v.zone),
      who: r.actorId ? literal(v.names(r.actorId)) : t('sec.reads.operator'),
      what: what(t, r),
    }),
  );
  return {
    text: header,
    blocks: [
      { type: 'header', text: header },
      { type: 'text', text: lines.length ? lines.join('\n') : t('sec.reads.none', { name: literal(v.personName) }) },
      ...(lines.length ? [{ type: 'context' as const, text: t('sec.reads.latest', { n: lines.length }) }] : []),
    ],
  };
}
