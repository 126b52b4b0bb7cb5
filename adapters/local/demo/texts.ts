/** The demo's review and note wording, in the author's language. Demo content, not UI chrome. */
import type { Locale } from '../../../src/ports/records.js';

const pick = <T>(list: readonly T[], seed: number): T => list[Math.floor(seed * list.length) % list.length]!;

const EN = {
  strengths: [
    'Well prepared for customer calls.',
    'Helped a new colleague get up to speed.',
    'Reliable and calm under pressure.',
    'Clear, friendly communication.',
  ],
  strongExtra: 'Consistently above target; a good candidate to mentor others.',
  improvement: [
    'Plan the week around the two biggest open opportunities and review the pipeline with me on Tuesdays.',
    'Follow up on every open item before the end of the day; ask for help early when blocked.',
    'Block focused time each morning and track progress against the target daily.',
  ],
  okImprovement: '',
  comment: ['', 'Thanks for the effort this week.', ''],
};
const ZH = {
  strengths: ['工作认真，配合度高。', '主动帮助新同事熟悉流程。', '遇到高峰期也能保持稳定。', '沟通清晰，态度积极。'],
  strongExtra: '持续超额完成目标，可以带教新人。',
  improvement: [
    '每周二和我一起复盘进度，优先处理最大的两个机会。',
    '每天下班前跟进所有未完成事项，遇到问题尽早求助。',
    '每天早上安排专注时间，并每日对照目标跟踪进度。',
  ],
  okImprovement: '',
  comment: ['', '本周辛苦了。', ''],
};

export function reviewTexts(locale: Locale, o: { belowTarget: boolean; strong: boolean; seed: number }) {
  const c = locale === 'zh-CN' ? ZH : EN;
  return {
    strengths: o.strong ? `${pick(c.strengths, o.seed)} ${c.strongExtra}` : pick(c.strengths, o.seed),
    improvement: o.belowTarget ? pick(c.improvement, o.seed) : c.okImprovement,
    comment: pick(c.comment, o.seed),
  };
}

export function disputeText(locale: Locale): string {
  return locale === 'zh-CN'
    ? '那一周扫描枪坏了两天，系统记录可以证明，不是我的工作问题。'
    : 'The ticketing system was down for a day that week; the outage report shows it. Please take it into account.';
}

export function noteTexts() {
  return {
    zhangwei:
      'Reviewed the last four weeks: revenue has been below the 200k target every week and new accounts are at 1–2 against 3. Agreed on a weekly pipeline review and shadowing Alice on two customer visits.',
    zhangweiAction: 'Shadow Alice on two customer visits and share a written pipeline plan',
    ben: 'Ben is at the bottom of the team sales ranking this quarter. Not happy about it.',
  };
}
