/**
 * The evidence area's part of the scheduler's minute tick, in one call for the composition root:
 * remind overdue agreed actions, send Sign in (签到) prompts as session windows open, switch
 * jobs whose adjustment takes effect, ask for a plan's completion once its last session ended,
 * and remind planned conversations and ask for their notes. Each step is idempotent, so a catch-up run after downtime is safe.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import { makeRemindOverdueActions } from './remind-overdue-actions.js';
import { makePromptSessionSignIns } from './prompt-session-sign-ins.js';
import { makeApplyJobAdjustments } from './apply-job-adjustments.js';
import { makePromptPlanCompletion } from './prompt-plan-completion.js';
import { makeRunConversationTick } from './conversation-tick.js';

export interface EvidenceTickReport {
  actionReminders: number;
  signInPrompts: number;
  jobAdjustments: number;
  planCompletionPrompts: number;
  conversationReminders: number;
  conversationNotePrompts: number;
}

export const makeRunEvidenceTick = (deps: UseCaseDeps) => {
  const remind = makeRemindOverdueActions(deps);
  const prompt = makePromptSessionSignIns(deps);
  const apply = makeApplyJobAdjustments(deps);
  const promptCompletion = makePromptPlanCompletion(deps);
  const conversations = makeRunConversationTick(deps);
  return (): EvidenceTickReport => {
    const talks = conversations();
    return {
      actionReminders: remind(),
      signInPrompts: prompt(),
      jobAdjustments: apply(),
      planCompletionPrompts: promptCompletion(),
      conversationReminders: talks.reminders,
      conversationNotePrompts: talks.notePrompts,
    };
  };
};
