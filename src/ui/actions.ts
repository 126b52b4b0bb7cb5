/**
 * Every action id and form id, in one registry shared by Slack, Feishu and the local workspace.
 * Feature areas add their ids to their own section.
 */
export const ACTIONS = {
  // review loop
  openReviewForm: 'review.open_form',
  openKpiForm: 'kpi.open_form',
  acknowledgeKpis: 'kpi.acknowledge',
  acknowledgeReview: 'review.acknowledge',
  disputeReview: 'review.dispute',
} as const;

export const FORMS = {
  review: 'review.form',
  defineKpis: 'kpi.define_form',
  disputeReview: 'review.dispute_form',
} as const;

export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];
export type FormId = (typeof FORMS)[keyof typeof FORMS];

const actionIds = new Set<string>(Object.values(ACTIONS));
const formIds = new Set<string>(Object.values(FORMS));
export const isActionId = (id: string): id is ActionId => actionIds.has(id);
export const isFormId = (id: string): id is FormId => formIds.has(id);
