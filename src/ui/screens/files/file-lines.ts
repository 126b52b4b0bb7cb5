/** How an attached file reads in a record, a card and the dossier: its name, size, who and when. */
import type { T } from '../../i18n/index.js';
import type { Button, Message } from '../../model.js';
import type { Attachment } from '../../../ports/repos/attachments.js';
import { ACTIONS } from '../../actions.js';
import { literal } from '../../markup.js';
import { subjectRefText, type SubjectRef } from '../../../domain/files.js';

/** "230 KB", "4.2 MB" (1 KB = 1,024 bytes; never "0 KB" for a file that has bytes). */
export function fileSizeText(t: T, bytes: number): string {
  if (bytes < 1024 * 1024) return t('files.sizeKb', { n: Math.max(1, Math.round(bytes / 1024)) });
  const mb = bytes / (1024 * 1024);
  return t('files.sizeMb', { n: mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10 });
}

/** "note #12", "培训课次 #3": a record as a person reads it. */
export const recordLabel = (t: T, s: SubjectRef): string => t(`files.subject.${s.type}`, { id: s.id });

/** One line per file, each with who attached it and the day (in the reader's zone). */
export function fileLines(
  t: T,
  files: readonly Attachment[],
  ctx: { names: (id: string) => string; day: (at: number) => string; sessionOf?: (a: Attachment) => string | null },
): string[] {
  return files.map((a) => {
    const params = {
      name: literal(a.name),
      size: fileSizeText(t, a.size),
      by: literal(ctx.names(a.uploadedBy)),
      date: ctx.day(a.createdAt),
    };
    const session = ctx.sessionOf?.(a);
    return session ? t('files.lineSession', { ...params, session }) : t('files.line', params);
  });
}

/** "Attach file" and "Get files (n)" for one record, as the viewer may use them. */
export function fileButtons(t: T, subject: SubjectRef, opts: { mayAttach: boolean; count: number }): Button[] {
  const value = subjectRefText(subject);
  return [
    ...(opts.mayAttach ? [{ actionId: ACTIONS.attachFile, label: t('files.attach.button'), value }] : []),
    ...(opts.count ? [{ actionId: ACTIONS.getFiles, label: t('files.get.button', { n: opts.count }), value }] : []),
  ];
}

/**
 * "Sign-in sheet 11-20" for each session of a plan that has started and has no file yet: the signed
 * sheet (培训签到表) is attached to its own session, which a policy may require (`signedSheets`).
 */
export function sessionSheetButtons(
  t: T,
  sessions: readonly { id: number; day: string; hasFile: boolean; started: boolean }[],
  max = 3,
): Button[] {
  return sessions
    .filter((s) => s.started && !s.hasFile)
    .slice(0, max)
    .map((s) => ({
      actionId: ACTIONS.attachFile,
      label: t('files.attachSheet.button', { date: s.day }),
      value: subjectRefText({ type: 'training_session', id: s.id }),
    }));
}

/** A write's confirmation with Attach file beneath it, for the record just made (an incident's screenshot). */
export function buildAttachConfirmation(t: T, confirmation: string, subject: SubjectRef): Message {
  return {
    text: confirmation,
    blocks: [
      { type: 'text', text: confirmation },
      { type: 'actions', buttons: fileButtons(t, subject, { mayAttach: true, count: 0 }) },
    ],
  };
}
