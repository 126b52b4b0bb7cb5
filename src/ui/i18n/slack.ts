/** Strings only the Slack adapter shows (modal chrome, the Home tab fallback). */
export const en = {
  'slack.close': 'Close',
  'slack.moreFields': '*More* (optional): only if you need them.',
  'slack.formTooLarge': 'This form is too large to open in Slack. Use the command instead.',
  'slack.formTooLargeHere': '{title} (form too large to open here)',
  'slack.somethingWrong': 'Something went wrong. Try again in a moment.',
  'slack.continued': 'Continued ({n}/{total})',
  'slack.sentAsDm': 'Done. The answer is long, so it is in your direct messages with Dandang.',
  'slack.homeMore': 'There is more: type `/review mine` to see all of it.',
  'slack.pageUnused': '(This part now reads in the message above.)',
  'slack.typedHint': 'Type a command such as /review, /note @someone or /dandang help.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'slack.close': '关闭',
  'slack.moreFields': '*更多*（选填）：需要时再填写。',
  'slack.formTooLarge': '此表单过大，无法在 Slack 中打开，请改用命令。',
  'slack.formTooLargeHere': '{title}（表单过大，无法在此打开）',
  'slack.somethingWrong': '出了点问题，请稍后再试。',
  'slack.continued': '（续 {n}/{total}）',
  'slack.sentAsDm': '已完成。回复较长，已发到你与担当的私信中。',
  'slack.homeMore': '内容较多：输入 `/review mine` 查看全部。',
  'slack.pageUnused': '（此部分内容已合并到上一条消息中。）',
  'slack.typedHint': '请输入命令，例如 /review、/note @某人 或 /dandang help。',
};
