/** Strings the Feishu adapter itself shows (card chrome, toasts, command replies). */
export const en = {
  'feishu.optional': '(optional)',
  'feishu.moreFields': 'More ({count} optional fields)',
  'feishu.done': 'Done.',
  'feishu.notRegistered': 'I could not find you in Dandang. Ask HR to add your Feishu account to the org import.',
  'feishu.unknownMention': 'I could not find {name} in Dandang. Ask HR to import them.',
  'feishu.notACommand': 'Type a command such as `/review`, `/note @someone`, `/offboard @someone` or `/dandang help`.',
  'feishu.staleCard': 'This card is out of date. Run the command again.',
  'feishu.failed': 'Something went wrong. Try again in a minute.',
  'feishu.formSummary': 'Form: {title}',
  'feishu.slow': 'Still working on it. The card will update when it is done.',
  'feishu.continued': '{title} (continued, {n}/{total})',
  'feishu.inputPart': 'Continued (part {n} of {total}): the text goes on here when it is longer than the box above.',
  'feishu.sentPrivately': 'Sent to you in your chat with Dandang.',
  'feishu.prefillElsewhere':
    'Its current text is too long to pre-fill here: it is in a separate message from Dandang. Copy it into this box to keep it.',
  'feishu.prefillTitle': '{title}: the current texts',
  'feishu.pageUnused': '(This part now reads in the card above.)',
  'feishu.cardMoved':
    'This card was sent again below, up to date: Feishu cards stop answering after 14 days. Use the newer card.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'feishu.optional': '（选填）',
  'feishu.moreFields': '更多（{count} 项选填）',
  'feishu.done': '已完成。',
  'feishu.notRegistered': '在担当中找不到你的账号，请联系 HR 在组织导入中添加你的飞书账号。',
  'feishu.unknownMention': '在担当中找不到 {name}，请联系 HR 导入。',
  'feishu.notACommand': '请输入命令，例如 `/review`、`/note @某人`、`/offboard @某人` 或 `/dandang help`。',
  'feishu.staleCard': '此卡片已过期，请重新输入命令。',
  'feishu.failed': '出了点问题，请稍后再试。',
  'feishu.formSummary': '表单：{title}',
  'feishu.slow': '正在处理，完成后卡片会自动更新。',
  'feishu.continued': '{title}（续，{n}/{total}）',
  'feishu.inputPart': '续写（第 {n}/{total} 部分）：上面的输入框写满后，在这里接着写。',
  'feishu.sentPrivately': '已发到你与担当的单聊中。',
  'feishu.prefillElsewhere': '现有内容过长，无法在此预填，已另发一条消息给你；如需保留，请复制到此输入框。',
  'feishu.prefillTitle': '{title}：现有内容',
  'feishu.pageUnused': '（此部分内容已合并到上一张卡片中。）',
  'feishu.cardMoved': '此卡片已在下方重新发送（内容为最新）：飞书卡片发送 14 天后无法再操作，请使用新卡片。',
};
