/** Strings only the Slack adapter shows (modal chrome, the Home tab fallback). */
export const en = {
  'slack.close': 'Close',
  'slack.formTooLarge': 'This form is too large to open in Slack. Use the command instead.',
  'slack.formTooLargeHere': '{title} (form too large to open here)',
  'slack.somethingWrong': 'Something went wrong. Try again in a moment.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'slack.close': '关闭',
  'slack.formTooLarge': '此表单过大,无法在 Slack 中打开,请改用命令。',
  'slack.formTooLargeHere': '{title}（表单过大，无法在此打开）',
  'slack.somethingWrong': '出了点问题,请稍后再试。',
};
