/**
 * `/offboard @person [mutual|misconduct] [reason]`, `/offboard status`, `/offboard case <case>` (the case
 * card again, the typed fallback of its buttons), `/offboard dossier <case>`,
 * `/dandang protect @person <kind> <from> [to]`, and the case buttons and forms (`/dandang report cases`
 * is src/app/report.ts's).
 * Each handler parses, calls one use case, and maps the Result to a Reply.
 */
import type { ActionHandler, UseCaseDeps, CommandHandler, FeatureHandlers, FormHandler } from './types.js';
import type { Reply } from '../ui/model.js';
import { REASON_WORDS } from './commands.js';
import { retryWhileBusy } from '../ports/store.js';
import { ACTIONS, FORMS } from '../ui/actions.js';
import { isChecked, textValue } from '../ui/form-values.js';
import {
  failureReply,
  formReply,
  messageReply,
  outsideForm,
  parseId,
  replyOf,
  suggestionsOf,
  toastReply,
} from './reply.js';
import { makeOpenOffboarding } from '../usecases/offboarding/open-offboarding.js';
import { makeAdvanceCaseStep } from '../usecases/offboarding/advance-case-step.js';
import { makeOpenCaseStepForm } from '../usecases/offboarding/open-case-step-form.js';
import { makeWithdrawCase } from '../usecases/offboarding/withdraw-case.js';
import { makeOpenWithdrawForm } from '../usecases/offboarding/open-withdraw-form.js';
import { makeCaseStatus } from '../usecases/offboarding/case-status.js';
import { makeRecordProtectedStatus } from '../usecases/offboarding/record-protected-status.js';
import { makeOpenProtectedStatusForm } from '../usecases/offboarding/open-protected-status-form.js';
import { makeRequestDossier } from '../usecases/offboarding/request-dossier.js';
import { makeExportDossier } from '../usecases/offboarding/export-dossier.js';
import { makeShowCase } from '../usecases/offboarding/show-case.js';
import { makeSearchAppealHearers } from '../usecases/offboarding/search-appeal-hearers.js';

/** `12:manager_confirms[:lieu]` → [12, 'manager_confirms', lieu]; a bad id is NaN (the use case says not found). */
function caseAndStep(value: string): [number, string, boolean] {
  const [id = '', step = '', mode = ''] = value.split(':');
  return [parseId(id), step, mode === 'lieu'];
}

export function offboardingHandlers(deps: UseCaseDeps): FeatureHandlers {
  const openCase = makeOpenOffboarding(deps);
  const advance = makeAdvanceCaseStep(deps);
  const openStepForm = makeOpenCaseStepForm(deps);
  const withdraw = makeWithdrawCase(deps);
  const openWithdrawForm = makeOpenWithdrawForm(deps);
  const status = makeCaseStatus(deps);
  const protect = makeRecordProtectedStatus(deps);
  const protectForm = makeOpenProtectedStatusForm(deps);
  const requestDossier = makeRequestDossier(deps);
  const exportDossier = makeExportDossier(deps);
  const showCase = makeShowCase(deps);
  const searchHearers = makeSearchAppealHearers(deps);

  const show: CommandHandler = (ev) =>
    messageReply(showCase({ actorId: ev.actor.person.id, caseId: parseId(ev.argv.words.case) }));

  const open: CommandHandler = (ev) =>
    // `/offboard 12` (a case number, nobody mentioned) shows that case, like `/offboard case 12`.
    ev.argv.words.case !== undefined
      ? show(ev)
      : toastReply(
          openCase({
            actorId: ev.actor.person.id,
            employeeId: ev.argv.person,
            reasonKind: REASON_WORDS[ev.argv.words.reasonKind ?? ''] ?? 'performance',
            reasonText: ev.argv.text,
          }),
        );

  /** Authorize within the ack; build and upload the files after it, off the request path. */
  const dossier = (actorId: string, caseId: number): Reply => {
    const r = requestDossier({ actorId, caseId });
    if (!r.ok) return failureReply(r);
    setImmediate(() => {
      // Off the request path, so it may wait out an import's write lock (yielding meanwhile).
      retryWhileBusy(() => exportDossier({ actorId, caseId, deliver: 'thread' }), 60_000)
        .then((done) => {
          if (!done.ok) deps.log?.error({ caseId, code: done.code }, 'dossier export failed');
        })
        .catch((err: unknown) => deps.log?.error({ err, caseId }, 'dossier export failed'));
    });
    return toastReply(r);
  };

  const protectCommand: CommandHandler = (ev) => {
    const { statusKind, from, to } = ev.argv.words;
    // With only a mention, open the form; with kind and dates, record directly.
    if (statusKind === undefined)
      return formReply(protectForm({ actorId: ev.actor.person.id, personId: ev.argv.person }));
    const r = protect({
      actorId: ev.actor.person.id,
      personId: ev.argv.person,
      kind: statusKind,
      startsOn: from ?? '',
      endsOn: to ?? null,
    });
    return toastReply(outsideForm(r));
  };

  const advanceAction =
    (payInLieu: boolean): ActionHandler =>
    (ev) => {
      const [caseId, stepId] = caseAndStep(ev.value);
      // A stale or tampered click on a step that records a date or a release: no form is open.
      return toastReply(outsideForm(advance({ actorId: ev.actor.person.id, caseId, stepId, payInLieu })));
    };

  const stepForm: FormHandler = (ev) => {
    const [caseId, stepId, lieu] = caseAndStep(ev.state);
    return toastReply(
      advance({
        actorId: ev.actor.person.id,
        caseId,
        stepId,
        payInLieu: lieu,
        previousMonthWage: textValue(ev.values, 'previous_month_wage'),
        date: textValue(ev.values, 'date'),
        release: textValue(ev.values, 'release'),
        proposedBy: textValue(ev.values, 'proposed_by'),
        noCoercion: isChecked(ev.values, 'no_coercion'),
        accompanied: isChecked(ev.values, 'accompanied'),
        outcome: textValue(ev.values, 'outcome'),
        heardBy: textValue(ev.values, 'heard_by'),
      }),
    );
  };

  const withdrawForm: FormHandler = (ev) =>
    toastReply(
      withdraw({
        actorId: ev.actor.person.id,
        caseId: parseId(ev.state),
        reason: textValue(ev.values, 'reason'),
      }),
    );

  const protectSubmit: FormHandler = (ev) =>
    toastReply(
      protect({
        actorId: ev.actor.person.id,
        personId: ev.state,
        kind: textValue(ev.values, 'kind'),
        startsOn: textValue(ev.values, 'from'),
        endsOn: textValue(ev.values, 'to') || null,
        citation: textValue(ev.values, 'citation'),
        note: textValue(ev.values, 'note'),
      }),
    );

  return {
    commands: {
      offboard: {
        '': open,
        status: (ev) => messageReply(status({ actorId: ev.actor.person.id })),
        case: show,
        dossier: (ev) => dossier(ev.actor.person.id, parseId(ev.argv.words.case)),
      },
      dandang: {
        protect: protectCommand,
      },
    },
    actions: {
      [ACTIONS.caseAdvance]: advanceAction(false),
      [ACTIONS.caseAdvanceInLieu]: advanceAction(true),
      [ACTIONS.caseOpenStepForm]: (ev) => {
        const [caseId, stepId, lieu] = caseAndStep(ev.value);
        return formReply(openStepForm({ actorId: ev.actor.person.id, caseId, stepId, lieu }));
      },
      [ACTIONS.caseOpenWithdraw]: (ev) =>
        formReply(openWithdrawForm({ actorId: ev.actor.person.id, caseId: parseId(ev.value) })),
      [ACTIONS.caseExportDossier]: (ev) => dossier(ev.actor.person.id, parseId(ev.value)),
    },
    forms: {
      [FORMS.caseStep]: stepForm,
      [FORMS.caseWithdraw]: withdrawForm,
      [FORMS.protectedStatus]: protectSubmit,
    },
    suggestions: {
      [FORMS.caseStep]: {
        heard_by: (ev) => {
          const [caseId, stepId] = caseAndStep(ev.state);
          return suggestionsOf(searchHearers({ actorId: ev.actor.person.id, caseId, stepId, query: ev.query }));
        },
      },
    },
  };
}
