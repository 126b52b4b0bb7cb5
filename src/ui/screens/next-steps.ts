/**
 * The buttons that unblock a refusal ("Record the reassessment" is refused until the plan is
 * complete: here is **Mark the plan complete**), and that lead on from one step to the next. One
 * home, so a refusal anywhere offers the same button with the same words. Use cases attach them to
 * a Failure (`actions`), and only when the person may press them.
 */
import type { Button } from '../model.js';
import type { T } from '../i18n/index.js';
import { ACTIONS } from '../actions.js';
import { literal } from '../markup.js';

export const nextStep = {
  viewRecord: (t: T, person: { id: string; name: string }): Button => ({
    actionId: ACTIONS.viewRecord,
    label: t('ev.record.viewButton', { name: literal(person.name) }),
    value: person.id,
  }),
  completePlan: (t: T, planId: number): Button => ({
    actionId: ACTIONS.completeTraining,
    label: t('ev.training.complete'),
    value: String(planId),
    style: 'primary',
  }),
  recordReassessment: (t: T, planId: number): Button => ({
    actionId: ACTIONS.openReassessment,
    label: t('ev.training.reassessButton'),
    value: String(planId),
    style: 'primary',
  }),
  defineKpis: (t: T, jobId: string): Button => ({
    actionId: ACTIONS.openKpiForm,
    label: t('kpi.define.button'),
    value: jobId,
    style: 'primary',
  }),
  amendReview: (t: T, reviewId: number): Button => ({
    actionId: ACTIONS.amendReview,
    label: t('review.amend.button'),
    value: String(reviewId),
  }),
} as const;
