/**
 * The bytes of a queued file, made when the platform's sender sends it: text as UTF-8, base64 as
 * the bytes it encodes, a chart drawn as PNG, a workbook written as XLSX. The one place every
 * sender (Slack, Feishu, local) turns an upload row into a file, so they cannot disagree.
 */
import type { UploadPayload } from '../../src/ports/outbox-queue.js';
import type { UploadBody } from '../../src/ports/outbox.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface FileBytes {
  filename: string;
  title: string;
  bytes: Buffer;
  contentType: string;
  /** One line shown with the file (a chart's summary). */
  comment: string | null;
  /** A picture that chat can show inline (a chart). */
  isImage: boolean;
}

/** A row queued before binary uploads holds `content` (text). */
export const uploadBody = (u: UploadPayload): UploadBody => u.body ?? { kind: 'text', text: u.content ?? '' };

/** What a text file is, from its name: the dossier's HTML and CSV, a calendar file, JSON. */
export function textContentType(filename: string): string {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const types: Record<string, string> = {
    html: 'text/html; charset=utf-8',
    csv: 'text/csv; charset=utf-8',
    json: 'application/json',
    ics: 'text/calendar; charset=utf-8',
  };
  return types[ext] ?? 'text/plain; charset=utf-8';
}

export async function fileBytes(u: UploadPayload): Promise<FileBytes> {
  const body = uploadBody(u);
  const base = { filename: u.filename, title: u.title, comment: u.comment ?? null };
  switch (body.kind) {
    case 'text':
      return {
        ...base,
        bytes: Buffer.from(body.text, 'utf8'),
        contentType: body.contentType ?? textContentType(u.filename),
        isImage: false,
      };
    case 'bytes':
      return {
        ...base,
        bytes: Buffer.from(body.base64, 'base64'),
        contentType: body.contentType,
        isImage: body.contentType.startsWith('image/'),
      };
    case 'chart':
      // ECharts and ExcelJS load on first use: together they are most of what a start would load.
      return {
        ...base,
        bytes: (await import('./render-chart.js')).chartPng(body.chart),
        contentType: 'image/png',
        isImage: true,
      };
    case 'workbook':
      return {
        ...base,
        bytes: await (await import('./render-workbook.js')).workbookXlsx(body.workbook),
        contentType: XLSX_TYPE,
        isImage: false,
      };
  }
}
