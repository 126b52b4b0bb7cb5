/**
 * `/dandang report …` (HR), one command with three forms:
 *   `/dandang report [channel] [department] [period]`: the dashboard's charts as PNG pictures, in
 *     the asker's DM, or the HR channel with `channel`; the answer shows the case figures too;
 *   `/dandang report export [department] [period]`: the 《绩效报表》 as .xlsx in the asker's DM;
 *   `/dandang report cases`: the offboarding figures (case cycle time, steps, disputes) as text.
 * Also the local workspace's dashboard page (`makeDashboardQuery`), which is a page, not a command.
 */
import type { UseCaseDeps, FeatureHandlers, CommandHandler } from './types.js';
import type { Block } from '../ui/model.js';
import { translator } from '../ui/i18n/index.js';
import { failureReply, replyOf, toastReply } from './reply.js';
import { REPORT_FORM_WORDS } from './commands.js';
import { argProblemText } from './command-args.js';
import { makeOffboardingReport } from '../usecases/offboarding/offboarding-report.js';
import { makePostReport } from '../usecases/report/post-report.js';
import { makeExportPerformanceReport } from '../usecases/report/export-performance.js';
import { makeBuildDashboard, type DashboardInput } from '../usecases/report/build-dashboard.js';

export type { Dashboard } from '../usecases/report/build-dashboard.js';

export function reportHandlers(deps: UseCaseDeps): FeatureHandlers {
  const cases = makeOffboardingReport(deps);
  const post = makePostReport(deps);
  const exportReport = makeExportPerformanceReport(deps);

  const report: CommandHandler = (ev) => {
    const actorId = ev.actor.person.id;
    // The router fitted the words to the syntax: [channel|export|cases] [department] [period].
    const form = REPORT_FORM_WORDS[ev.argv.words.reportForm ?? ''];
    const period = ev.argv.words.period;
    const department = ev.argv.text || undefined;
    if (form === 'cases') {
      // The case figures take no filter: a word after `cases` is one nobody reads.
      const extra = ev.argv.text.split(' ')[0] || period;
      if (extra) {
        const t = translator(ev.actor.locale);
        const reader = { hr: true, manager: false };
        const text = argProblemText(t, 'dandang', 'report', { kind: 'extra', word: extra }, reader);
        return { kind: 'error', code: 'INVALID_INPUT', text };
      }
      return replyOf(cases({ actorId }), (v) => ({ kind: 'ok', message: v.message }));
    }
    if (form === 'export') return toastReply(exportReport({ actorId, period, department, deliver: 'dm' }));
    const toChannel = form === 'channel';
    const posted = post({ actorId, period, department, to: toChannel ? 'hr_channel' : 'dm' });
    if (!posted.ok) return failureReply(posted);
    // The charts follow in chat; the answer itself keeps the case figures `/dandang report` always showed.
    const figures = cases({ actorId });
    if (!figures.ok) return { kind: 'ok', toast: posted.value.confirmation };
    const { message } = figures.value;
    const [head, ...body] = message.blocks;
    const note: Block = { type: 'context', text: posted.value.confirmation };
    // Under the header, so a Feishu card still takes the header as its title.
    const blocks: Block[] = head?.type === 'header' ? [head, note, ...body] : [note, ...message.blocks];
    // The toast says what was done (queued the charts), for platforms that show one beside the answer.
    return { kind: 'ok', toast: posted.value.confirmation, message: { ...message, blocks } };
  };

  return { commands: { dandang: { report } } };
}

/** The dashboard page's data: a page the local workspace draws, through the same use case rules. */
export const makeDashboardQuery = (deps: UseCaseDeps) => {
  const build = makeBuildDashboard(deps);
  return (input: DashboardInput) => build(input);
};
