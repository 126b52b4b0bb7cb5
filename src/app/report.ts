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
import { failureReply, replyOf, toastReply } from './reply.js';
import { makeOffboardingReport } from '../usecases/offboarding/offboarding-report.js';
import { makePostReport } from '../usecases/report/post-report.js';
import { makeExportPerformanceReport } from '../usecases/report/export-performance.js';
import { makeBuildDashboard, type DashboardInput } from '../usecases/report/build-dashboard.js';

export type { Dashboard } from '../usecases/report/build-dashboard.js';

const CHANNEL_WORDS = new Set(['channel', 'hr', '频道']);
/** What reads as a period (the use case says precisely what it accepts). */
const PERIOD_WORD = /^(last-\d+w|\d{4}-(W\d{2}(\.\.\d{4}-W\d{2})?|\d{2}|Q[1-4])(\/.*)?)$/i;

/** `channel Sales last-4w` → where, period and department (the words left, so "Customer Care" works). */
export function parseReportArgs(args: string): { toChannel: boolean; period?: string; department?: string } {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const toChannel = words.length > 0 && CHANNEL_WORDS.has(words[0]!.toLowerCase());
  const rest = toChannel ? words.slice(1) : words;
  const period = rest.find((w) => PERIOD_WORD.test(w));
  const department = rest.filter((w) => w !== period).join(' ');
  return { toChannel, ...(period ? { period } : {}), ...(department ? { department } : {}) };
}

export function reportHandlers(deps: UseCaseDeps): FeatureHandlers {
  const cases = makeOffboardingReport(deps);
  const post = makePostReport(deps);
  const exportReport = makeExportPerformanceReport(deps);

  const report: CommandHandler = (ev) => {
    const [first = '', ...rest] = ev.args.trim().split(/\s+/);
    const actorId = ev.actor.person.id;
    if (first.toLowerCase() === 'cases')
      return replyOf(cases({ actorId }), (v) => ({ kind: 'ok', message: v.message }));
    if (first.toLowerCase() === 'export') {
      const { period, department } = parseReportArgs(rest.join(' '));
      return toastReply(exportReport({ actorId, period, department, deliver: 'dm' }));
    }
    const { toChannel, period, department } = parseReportArgs(ev.args);
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
    return { kind: 'ok', message: { ...message, blocks } };
  };

  return { commands: { dandang: { report } } };
}

/** The dashboard page's data: a page the local workspace draws, through the same use case rules. */
export const makeDashboardQuery = (deps: UseCaseDeps) => {
  const build = makeBuildDashboard(deps);
  return (input: DashboardInput) => build(input);
};
