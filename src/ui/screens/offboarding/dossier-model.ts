/** Everything the dossier prints, assembled by the export use case. */
import type { Locale } from '../../../ports/records.js';
import type { DossierData } from '../../../ports/repos/cases.js';
import type { Policy, ReasonKind } from '../../../domain/policy/index.js';
import type { Evaluation } from '../../../domain/policy/evaluate.js';
import type { Settlement } from '../../../domain/settlement.js';
import type { Attachment } from '../../../ports/repos/attachments.js';

/** A file attached to a record in the dossier, and where it sits in the ZIP. */
export interface DossierFile extends Attachment {
  path: string;
}

export interface DossierModel {
  locale: Locale;
  timezone: string;
  caseId: number;
  status: string;
  reason: ReasonKind;
  reasonText: string;
  openedAt: number;
  closedAt: number | null;
  employee: { id: string; name: string; hireDate: string | null };
  manager: { id: string; name: string } | null;
  job: { title: string; duties: string } | null;
  /** The policy snapshot stored when the case opened. */
  policy: Policy;
  evaluation: Evaluation;
  data: DossierData;
  /** The case's events; `detail` is what the step stored (the HTML says it in words, the CSV keeps it as data). */
  timeline: { at: number; step: string; actor: string; outcome: string; detail: Record<string, unknown> }[];
  settlement: Settlement | null;
  auditHead: string;
  /** Rows in the audit log at export: with the head, what `audit verify --anchor <rows>:<head>` checks. */
  auditRows: number;
  exportedAt: number;
  /** Person id → name, for authors, witnesses and trainers. */
  names: Record<string, string>;
  /** Every file attached to a record the dossier shows (and to the case), oldest first. */
  files: DossierFile[];
}
