/** The Attach file form: one file input, for the record named in the state. */
import type { Form } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { FORMS } from '../../actions.js';
import { literal } from '../../markup.js';
import { ALLOWED_FILE_TYPES, MAX_FILES_PER_UPLOAD, subjectRefText, type SubjectRef } from '../../../domain/files.js';
import { fileSizeText } from './file-lines.js';

/** Input id of the files. */
export const FILES_INPUT = 'files';

/** Extensions the picker offers: every allowed kind's, plus the legacy office ones the CFB type covers. */
export const PICKER_EXTENSIONS = [
  ...new Set([...Object.values(ALLOWED_FILE_TYPES).map((x) => x.ext), 'jpeg', 'xls', 'ppt']),
];

export function buildAttachForm(
  t: T,
  f: { subject: SubjectRef; recordLabel: string; personName: string; maxBytes: number },
): Form {
  return {
    formId: FORMS.attachFiles,
    title: t('files.form.title'),
    submitLabel: t('files.form.submit'),
    cancelLabel: t('common.cancel'),
    state: subjectRefText(f.subject),
    intro: [{ type: 'text', text: t('files.form.intro', { record: f.recordLabel, name: literal(f.personName) }) }],
    inputs: [
      {
        id: FILES_INPUT,
        kind: 'file',
        label: t('files.form.input'),
        hint: t('files.form.hint', { mb: fileSizeText(t, f.maxBytes), n: MAX_FILES_PER_UPLOAD }),
        maxFiles: MAX_FILES_PER_UPLOAD,
        accept: PICKER_EXTENSIONS,
      },
    ],
  };
}
