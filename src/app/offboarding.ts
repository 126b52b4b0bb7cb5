/**
 * `/offboard @person [mutual|misconduct] [reason]`, `/offboard status`, `/offboard dossier <case>`,
 * `/dandang report`, `/dandang protect @person <kind> <from> [to]`, and the case buttons and forms.
 * Each handler parses, calls one use case, and maps the Result to a Reply.
 */
import type { ActionHandler, UseCaseDeps, CommandHandler, FeatureHandlers, FormHandler } from './types.js';
import type { Reply } from '../ui/model.js';
import type { Failure } from '../usecases/result.js';
import type { ReasonKind } from '../domain/policy/index.js';
import { ACTIONS, FORMS } from '../ui/actions.js';
import { translator } from '../ui/i18n/index.js';
import { buildWithdrawForm } from '../ui/screens/offboarding/forms.js';
import { makeOpenOffboarding } from '../usecases/offboarding/open-offboarding.js';
import { makeAdvanceCaseStep, makeOpenCaseStepForm } from '../usecases/offboarding/advance-case-step.js';
import { makeWithdrawCase } from '../usecases/offboarding/withdraw-case.js';
import { makeCaseStatus } from '../usecases/offboarding/case-status.js';
import { makeOffboardingReport } from '../usecases/offboarding/offboarding-report.js';
import {
  makeRecordProtectedStatus,
  makeOpenProtectedStatusForm,
} from '../usecases/offboarding/record-protected-status.js';
import { makeExportDossier, makeRequestDossier } from '../usecases/offboarding/export-dossier.js';

const REASON_WORDS: Record<string, ReasonKind> = {
  performance: 'performance',
  mutual: 'mutual',
  misconduct: 'misconduct',
  绩效: 'performance',
  协商: 'mutual',
  协商一致: 'mutual',
  劝退: 'mutual',
  违纪: 'misconduct',
};

/** `<person id> [kind word] free text` → kind + the reason text without the mentioned ids. */
export function parseOpenArgs(args: string, mentions: string[]): { reasonKind: ReasonKind; reasonText: string } {
  const words = args
    .trim()
    .split(/\s+/)
    .filter((w) => w && !mentions.includes(w) && !mentions.some((m) => w === `@${m}` || w === `<@${m}>`));
  const first = words[0]?.toLowerCase() ?? '';
  const kind = REASON_WORDS[first];
  return kind
    ? { reasonKind: kind, reasonText: words.slice(1).join(' ') }
    : { reasonKind: 'performance', reasonText: words.join(' ') };
}

/** `12:manager_confirms` → [12, 'manager_confirms']; anything else → NaN (the use case says not found). */
function caseAndStep(value: string): [number, string] {
  const [id = '', step = ''] = value.split(':');
  return [/^\d+$/.test(id) ? Number(id) : NaN, step];
}
const caseId = (value: string): number => {
  const v = value.trim().replace(/^#/, '');
  return /^\d+$/.test(v) ? Number(v) : NaN;
};

const errorReply = (f: Failure): Reply => ({ kind: 'error', code: f.code, text: f.message });
const formReply = (f: Failure): Reply =>
  f.fieldErrors && Object.keys(f.fieldErrors).length ? { kind: 'formErrors', errors: f.fieldErrors } : errorReply(f);
const str = (v: string | string[] | undefined): string => (Array.isArray(v) ? v.join(',') : (v ?? '')).trim();

export function offboardingHandlers(deps: UseCaseDeps): FeatureHandlers {
  const openCase = makeOpenOffboarding(deps);
  const advance = makeAdvanceCaseStep(deps);
  const openStepForm = makeOpenCaseStepForm(deps);
  const withdraw = makeWithdrawCase(deps);
  const status = makeCaseStatus(deps);
  const report = makeOffboardingReport(deps);
  const protect = makeRecordProtectedStatus(deps);
  const protectForm = makeOpenProtectedStatusForm(deps);
  const requestDossier = makeRequestDossier(deps);
  const exportDossier = makeExportDossier(deps);

  const open: CommandHandler = (ev) => {
    const { reasonKind, reasonText } = parseOpenArgs(ev.args, ev.mentions);
    const r = openCase({ actorId: ev.actor.person.id, employeeId: ev.mentions[0], reasonKind, reasonText });
    return r.ok ? { kind: 'ok', toast: r.value.confirmation } : errorReply(r);
  };

  /** Authorize within the ack; build and upload the files after it, off the request path. */
  const dossier = (actorId: string, id: number): Reply => {
    const r = requestDossier({ actorId, caseId: id });
    if (!r.ok) return errorReply(r);
    setImmediate(() => {
      try {
        const done = exportDossier({ actorId, caseId: id, deliver: 'thread' });
        if (!done.ok) console.error(`[offboarding] dossier for case ${id} failed: ${done.message}`);
      } catch (e) {
        console.error(`[offboarding] dossier for case ${id} failed`, e);
      }
    });
    return { kind: 'ok', toast: r.value.confirmation };
  };

  const protectCommand: CommandHandler = (ev) => {
    const words = ev.args
      .trim()
      .split(/\s+/)
      .filter((w) => w && !ev.mentions.includes(w));
    // With only a mention, open the form; with kind and dates, record directly.
    if (words.length === 0) {
      const r = protectForm({ actorId: ev.actor.person.id, personId: ev.mentions[0] });
      return r.ok ? { kind: 'form', form: r.value } : errorReply(r);
    }
    const [kind = '', from = '', to] = words;
    const r = protect({
      actorId: ev.actor.person.id,
      personId: ev.mentions[0],
      kind,
      startsOn: from,
      endsOn: to ?? null,
    });
    return r.ok ? { kind: 'ok', toast: r.value.confirmation } : errorReply(r);
  };

  const advanceAction =
    (payInLieu: boolean): ActionHandler =>
    (ev) => {
      const [id, stepId] = caseAndStep(ev.value);
      const r = advance({ actorId: ev.actor.person.id, caseId: id, stepId, payInLieu });
      return r.ok ? { kind: 'ok', toast: r.value.confirmation } : errorReply(r);
    };

  const stepForm: FormHandler = (ev) => {
    const [id, stepId] = caseAndStep(ev.state);
    const r = advance({
      actorId: ev.actor.person.id,
      caseId: id,
      stepId,
      date: str(ev.values.date),
      release: str(ev.values.release),
      noCoercion: str(ev.values.no_coercion) === 'yes',
    });
    return r.ok ? { kind: 'ok', toast: r.value.confirmation } : formReply(r);
  };

  const withdrawForm: FormHandler = (ev) => {
    const r = withdraw({ actorId: ev.actor.person.id, caseId: caseId(ev.state), reason: str(ev.values.reason) });
    return r.ok ? { kind: 'ok', toast: r.value.confirmation } : formReply(r);
  };

  const protectSubmit: FormHandler = (ev) => {
    const r = protect({
      actorId: ev.actor.person.id,
      personId: ev.state,
      kind: str(ev.values.kind),
      startsOn: str(ev.values.from),
      endsOn: str(ev.values.to) || null,
      note: str(ev.values.note),
    });
    return r.ok ? { kind: 'ok', toast: r.value.confirmation } : formReply(r);
  };

  return {
    commands: {
      offboard: {
        '': open,
        status: (ev) => {
          const r = status({ actorId: ev.actor.person.id });
          return r.ok ? { kind: 'ok', message: r.value } : errorReply(r);
        },
        dossier: (ev) => dossier(ev.actor.person.id, caseId(ev.args)),
      },
      dandang: {
        report: (ev) => {
          const r = report({ actorId: ev.actor.person.id });
          return r.ok ? { kind: 'ok', message: r.value.message } : errorReply(r);
        },
        protect: protectCommand,
      },
    },
    actions: {
      [ACTIONS.caseAdvance]: advanceAction(false),
      [ACTIONS.caseAdvanceInLieu]: advanceAction(true),
      [ACTIONS.caseOpenStepForm]: (ev) => {
        const [id, stepId] = caseAndStep(ev.value);
        const r = openStepForm({ actorId: ev.actor.person.id, caseId: id, stepId });
        return r.ok ? { kind: 'form', form: r.value } : errorReply(r);
      },
      // The form reveals nothing; the withdraw use case authorizes on submit.
      [ACTIONS.caseOpenWithdraw]: (ev) => ({
        kind: 'form',
        form: buildWithdrawForm(translator(ev.actor.locale), caseId(ev.value)),
      }),
      [ACTIONS.caseExportDossier]: (ev) => dossier(ev.actor.person.id, caseId(ev.value)),
    },
    forms: {
      [FORMS.caseStep]: stepForm,
      [FORMS.caseWithdraw]: withdrawForm,
      [FORMS.protectedStatus]: protectSubmit,
    },
  };
}
