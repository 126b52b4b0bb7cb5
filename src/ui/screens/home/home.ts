/**
 * The Home: what a person does with Dandang this week, from one screen that survives a reload.
 * Slack publishes it as the App Home tab, Feishu sends it as a card from the bot menu's `home`
 * entry (and `/dandang home`), and the local workspace shows it as the sidebar's first entry. Each
 * section appears only to whom it concerns: a manager's reviews due, disputes to answer and team
 * status; everyone's own record; HR's open cases. The menu's entries close it, so the Home offers
 * what the Feishu menu offers.
 */
import type { Block, Button, Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { ACTIONS } from '../../actions.js';
import { literal } from '../../markup.js';
import { periodName } from '../../period.js';
import type { MenuEntry } from './entries.js';
import { followUpValue } from '../evidence/follow-ups.js';

/** Buttons per list: a Slack actions block takes 25, and a Home stays readable with fewer. */
export const HOME_LIST_LIMIT = 8;

export interface HomeReviewDue {
  slotId: number;
  employeeName: string;
  /** The due time as the reader reads it. */
  due: string;
  overdue: boolean;
}

export interface HomeTeam {
  department: string;
  periodLabel: string;
  done: number;
  total: number;
}

export interface HomeDispute {
  reviewId: number;
  employeeName: string;
  periodLabel: string;
  days: number;
}

export interface HomeRecord {
  reviews: number;
  latest: { periodLabel: string; rating: number; answer: 'acknowledged' | 'disputed' | 'none' } | null;
  /** Reviews of the reader they have neither acknowledged nor disputed, newest first. */
  unanswered: { reviewId: number; periodLabel: string }[];
}

/** Work a manager started that waits on them: a plan to complete, a reassessment, a note to record. */
export type HomeFollowUp =
  | { kind: 'completePlan' | 'reassess'; planId: number; employeeName: string }
  | { kind: 'recordNote'; conversationId: number; employeeName: string; when: string }
  | { kind: 'upcoming'; conversationId: number; employeeName: string; when: string };

/** A direct report, with the manager's everyday actions about them. */
export interface HomePerson {
  id: string;
  name: string;
}

export interface HomeCase {
  id: number;
  employeeName: string;
  path: string;
  days: number;
}

export interface HomeView {
  name: string;
  /** Null for someone with no reports (the section is left out). */
  reviewsDue: { items: HomeReviewDue[]; more: number } | null;
  disputes: HomeDispute[];
  followUps: HomeFollowUp[];
  teams: HomeTeam[] | null;
  /** The reader's direct reports (null for someone with none). */
  people: { items: HomePerson[]; more: number } | null;
  /** `all`: every department's latest cycle (HR's view), not only the reader's reports. */
  teamsScope: 'mine' | 'all';
  /** Teams left out of `teams` (HR's view lists the ones furthest behind). */
  teamsMore: number;
  record: HomeRecord | null;
  /** HR and admins only. */
  cases: { items: HomeCase[]; more: number } | null;
  entries: MenuEntry[];
}

const section = (t: T, title: Parameters<T>[0]): Block[] => [{ type: 'divider' }, { type: 'header', text: t(title) }];

function reviewsDue(t: T, due: NonNullable<HomeView['reviewsDue']>): Block[] {
  const blocks = section(t, 'home.due.title');
  if (!due.items.length) return [...blocks, { type: 'text', text: t('home.due.none') }];
  blocks.push({
    type: 'text',
    text: due.items
      .map((d) =>
        t(d.overdue ? 'home.due.lineOverdue' : 'home.due.line', { name: literal(d.employeeName), due: d.due }),
      )
      .join('\n'),
  });
  if (due.more) blocks.push({ type: 'context', text: t('home.due.more', { count: due.more }) });
  blocks.push({
    type: 'actions',
    buttons: due.items.map((d, i): Button => ({
      actionId: ACTIONS.openReviewForm,
      label: t('home.due.button', { name: literal(d.employeeName) }),
      value: String(d.slotId),
      ...(i === 0 ? { style: 'primary' as const } : {}),
    })),
  });
  return blocks;
}

function disputes(t: T, list: HomeDispute[]): Block[] {
  if (!list.length) return [];
  const blocks = section(t, 'home.disputes.title');
  for (const d of list) {
    blocks.push({
      type: 'text',
      text: t('home.disputes.line', {
        name: literal(d.employeeName),
        period: periodName(t, d.periodLabel),
        days: d.days,
      }),
    });
    blocks.push({
      type: 'actions',
      buttons: [
        { actionId: ACTIONS.amendReview, label: t('home.disputes.amend'), value: String(d.reviewId) },
        { actionId: ACTIONS.replyToDispute, label: t('home.disputes.reply'), value: String(d.reviewId) },
      ],
    });
  }
  return blocks;
}

function followUps(t: T, list: HomeFollowUp[]): Block[] {
  if (!list.length) return [];
  const blocks = section(t, 'home.followUps.title');
  for (const f of list) {
    const name = literal(f.employeeName);
    switch (f.kind) {
      case 'completePlan':
        blocks.push({ type: 'text', text: t('home.followUps.planEnded', { name }) });
        blocks.push({
          type: 'actions',
          buttons: [
            { actionId: ACTIONS.completeTraining, label: t('home.followUps.complete'), value: String(f.planId) },
          ],
        });
        break;
      case 'reassess':
        blocks.push({ type: 'text', text: t('home.followUps.reassess', { name }) });
        blocks.push({
          type: 'actions',
          buttons: [
            { actionId: ACTIONS.openReassessment, label: t('home.followUps.reassessButton'), value: String(f.planId) },
          ],
        });
        break;
      case 'recordNote':
        blocks.push({ type: 'text', text: t('home.followUps.recordNote', { name, when: f.when }) });
        blocks.push({
          type: 'actions',
          buttons: [
            {
              actionId: ACTIONS.recordConversationNote,
              label: t('home.followUps.recordNoteButton'),
              value: String(f.conversationId),
            },
          ],
        });
        break;
      case 'upcoming':
        blocks.push({ type: 'text', text: t('home.followUps.upcoming', { name, when: f.when }) });
        break;
    }
  }
  return blocks;
}

function teams(t: T, list: HomeTeam[], scope: HomeView['teamsScope'], more: number): Block[] {
  const blocks = section(t, scope === 'all' ? 'home.team.allTitle' : 'home.team.title');
  if (!list.length) return [...blocks, { type: 'text', text: t('home.team.none') }];
  blocks.push({
    type: 'text',
    text: list
      .map((x) =>
        t('home.team.line', {
          department: literal(x.department),
          period: periodName(t, x.periodLabel),
          done: x.done,
          total: x.total,
        }),
      )
      .join('\n'),
  });
  if (more) blocks.push({ type: 'context', text: t('home.team.more', { count: more }) });
  return blocks;
}

/** Each report with what a manager does about them without typing a command. */
function people(t: T, p: NonNullable<HomeView['people']>): Block[] {
  const blocks = section(t, 'home.people.title');
  for (const x of p.items) {
    blocks.push({ type: 'text', text: `**${literal(x.name)}**` });
    blocks.push({
      type: 'actions',
      buttons: [
        { actionId: ACTIONS.scheduleConversation, label: t('home.people.schedule'), value: followUpValue(x.id, []) },
        { actionId: ACTIONS.promptConversation, label: t('home.people.note'), value: followUpValue(x.id, []) },
        { actionId: ACTIONS.promptTrainingPlan, label: t('home.people.training'), value: followUpValue(x.id, []) },
        { actionId: ACTIONS.viewRecord, label: t('home.people.record'), value: x.id },
      ],
    });
  }
  if (p.more) blocks.push({ type: 'context', text: t('home.people.more', { count: p.more }) });
  return blocks;
}

function record(t: T, r: HomeRecord, personId: string): Block[] {
  const blocks = section(t, 'home.record.title');
  if (!r.latest) blocks.push({ type: 'text', text: t('home.record.none') });
  else
    blocks.push({
      type: 'text',
      // Sentences joined as each language joins them (Chinese puts no space after 。).
      text: t('home.record.summary', {
        latest: t('home.record.latest', {
          period: periodName(t, r.latest.periodLabel),
          label: literal(r.latest.periodLabel),
          rating: r.latest.rating,
        }),
        answer: t(`home.record.answer.${r.latest.answer}`),
        count: t('home.record.count', { count: r.reviews }),
      }),
    });
  for (const u of r.unanswered) {
    blocks.push({ type: 'text', text: t('home.record.unanswered', { period: periodName(t, u.periodLabel) }) });
    blocks.push({
      type: 'actions',
      buttons: [
        {
          actionId: ACTIONS.acknowledgeReview,
          label: t('home.record.acknowledge'),
          value: String(u.reviewId),
          style: 'primary',
        },
        { actionId: ACTIONS.disputeReview, label: t('home.record.dispute'), value: String(u.reviewId) },
      ],
    });
  }
  blocks.push({
    type: 'actions',
    buttons: [{ actionId: ACTIONS.viewRecord, label: t('home.record.view'), value: personId }],
  });
  return blocks;
}

function cases(t: T, c: NonNullable<HomeView['cases']>): Block[] {
  const blocks = section(t, 'home.cases.title');
  if (!c.items.length) return [...blocks, { type: 'text', text: t('home.cases.none') }];
  blocks.push({
    type: 'text',
    text: c.items
      .map((x) =>
        t('home.cases.line', { id: x.id, name: literal(x.employeeName), path: literal(x.path), days: x.days }),
      )
      .join('\n'),
  });
  if (c.more) blocks.push({ type: 'context', text: t('home.cases.more', { count: c.more }) });
  blocks.push({
    type: 'actions',
    buttons: c.items.map((x) => ({
      actionId: ACTIONS.menuEntry,
      label: t('home.cases.button', { id: x.id, name: literal(x.employeeName) }),
      value: `case:${x.id}`,
    })),
  });
  return blocks;
}

/** The Home for one reader. `personId` is the reader's own id (their record's button). */
export function buildHome(t: T, personId: string, v: HomeView): Message {
  const blocks: Block[] = [
    { type: 'header', text: t('home.title', { name: literal(v.name) }) },
    { type: 'context', text: t('home.intro') },
  ];
  if (v.reviewsDue) blocks.push(...reviewsDue(t, v.reviewsDue));
  blocks.push(...disputes(t, v.disputes));
  blocks.push(...followUps(t, v.followUps));
  if (v.teams) blocks.push(...teams(t, v.teams, v.teamsScope, v.teamsMore));
  if (v.people?.items.length) blocks.push(...people(t, v.people));
  if (v.record) blocks.push(...record(t, v.record, personId));
  if (v.cases) blocks.push(...cases(t, v.cases));
  const shortcuts = v.entries.filter((e) => e.key !== 'home');
  if (shortcuts.length)
    blocks.push(
      { type: 'divider' },
      { type: 'context', text: t('home.entries') },
      {
        type: 'actions',
        buttons: shortcuts.map((e) => ({ actionId: ACTIONS.menuEntry, label: t(e.label), value: e.key })),
      },
    );
  return { text: t('home.title', { name: literal(v.name) }), blocks };
}
