/**
 * A disputed review, for the people who answer it. The manager's DM holds the employee's comment
 * and what they can do: **Amend the review**, **Reply** (a comment kept in the record, shown to the
 * employee) and **Schedule a conversation**; rebuilt in place as they do it, so it shows what is
 * done. HR gets a copy with the way to the record.
 */
import { periodMarkup } from '../../period.js';
import type { Block, Button, Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { ACTIONS } from '../../actions.js';
import { literal, userText } from '../../markup.js';
import { nextStep } from '../next-steps.js';
import { scheduleConversationButton } from '../evidence/follow-ups.js';

export interface DisputeNoticeInput {
  reviewId: number;
  employeeId: string;
  employeeName: string;
  period: string;
  comment: string;
  /** KPIs the review found below target: the conversation's default topics. */
  missedKpiKeys: string[];
  /** Whether the reader may amend it (the author while still the manager, or HR). */
  canAmend: boolean;
  /** What has been done about it so far. */
  replies: number;
  conversation: string | null;
  amendedOn: string | null;
}

export function buildDisputeNotice(t: T, d: DisputeNoticeInput): Message {
  const header = t('review.dispute.noticeHeader', { name: literal(d.employeeName), period: periodMarkup(t, d.period) });
  const blocks: Block[] = [
    { type: 'header', text: header },
    {
      type: 'text',
      text: t('review.dispute.managerNotice', {
        name: literal(d.employeeName),
        period: periodMarkup(t, d.period),
        comment: userText(d.comment),
      }),
    },
  ];
  const done: string[] = [];
  if (d.amendedOn) done.push(t('review.dispute.doneAmended', { date: d.amendedOn }));
  if (d.replies) done.push(t('review.dispute.doneReplied', { count: d.replies }));
  if (d.conversation) done.push(t('review.dispute.doneConversation', { when: d.conversation }));
  blocks.push({ type: 'context', text: done.length ? done.join('\n') : t('review.dispute.noticeHint') });
  const buttons: Button[] = [
    ...(d.canAmend ? [{ ...nextStep.amendReview(t, d.reviewId), label: t('review.dispute.amendButton') }] : []),
    { actionId: ACTIONS.replyToDispute, label: t('review.dispute.replyButton'), value: String(d.reviewId) },
    scheduleConversationButton(t, { employeeId: d.employeeId, kpiKeys: d.missedKpiKeys, reviewId: d.reviewId }),
  ];
  blocks.push({ type: 'actions', buttons });
  return {
    text: t('review.dispute.managerNotice', {
      name: literal(d.employeeName),
      period: periodMarkup(t, d.period),
      comment: userText(d.comment),
    }),
    blocks,
    // The manager answers a dispute (amend, reply, talk) when they can; nothing done yet keeps it current.
    ...(done.length ? {} : { lasting: true as const }),
  };
}

/** HR's copy: who disputed what, the comment, and the record. */
export function buildDisputeHrNotice(
  t: T,
  d: { employeeId: string; employeeName: string; managerName: string; period: string; comment: string },
): Message {
  const text = t('review.dispute.hrNotice', {
    name: literal(d.employeeName),
    manager: literal(d.managerName),
    period: periodMarkup(t, d.period),
    comment: userText(d.comment),
  });
  return {
    text,
    blocks: [
      { type: 'text', text },
      { type: 'actions', buttons: [nextStep.viewRecord(t, { id: d.employeeId, name: d.employeeName })] },
    ],
  };
}
