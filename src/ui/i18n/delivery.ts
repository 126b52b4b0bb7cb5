/** Messages about delivery itself: the HR alert when messages could not be delivered. */
export const en = {
  'delivery.platform.slack': 'Slack',
  'delivery.platform.feishu': 'Feishu',
  'delivery.platform.local': 'the local workspace',
  'delivery.duration.m': '{n} minutes',
  'delivery.duration.h': '{n} hours',
  'delivery.duration.d': '{n} days',
  'delivery.undelivered.title': '⚠️ Messages not delivered',
  'delivery.undelivered.body':
    '{count} message(s) to {platform} could not be delivered since {since} and were set aside: {platform} refused them, or stayed unreachable for {window}. Nothing was deleted.',
  'delivery.undelivered.next':
    'Ask whoever runs Dandang to look at `npm run dandang -- outbox status`, fix the cause, then send them again with `npm run dandang -- outbox retry`.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'delivery.platform.slack': 'Slack',
  'delivery.platform.feishu': '飞书',
  'delivery.platform.local': '本地工作区',
  'delivery.duration.m': '{n} 分钟',
  'delivery.duration.h': '{n} 小时',
  'delivery.duration.d': '{n} 天',
  'delivery.undelivered.title': '⚠️ 消息未能送达',
  'delivery.undelivered.body':
    '自{since}起，共有 {count} 条发往{platform}的消息未能送达，已暂存待处理：{platform}拒收，或在 {window}内始终无法连接。消息均未删除。',
  'delivery.undelivered.next':
    '请联系 Dandang 的运维人员查看 `npm run dandang -- outbox status`，排除原因后运行 `npm run dandang -- outbox retry` 重新发送。',
};
