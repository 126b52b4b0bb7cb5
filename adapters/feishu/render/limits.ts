/**
 * Feishu's limits for card JSON 2.0 messages, in one place, each with its source. The card
 * renderer keeps every card inside them: long text is split into more markdown elements, and a
 * message over one card's size or element budget is sent as several cards. Nothing is cut.
 *
 * Sources (Feishu open platform docs):
 * - Send and update a message: "卡片及富文本消息请求体最大不能超过 30 KB" (the card request body)
 *   and "仅支持修改 14 天内发送的消息":
 *   https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/reference/im-v1/message/create and
 *   https://open.larksuite.com/document/server-docs/im-v1/message-card/patch
 * - Card JSON 2.0: cards can be clicked and updated for 14 days ("2.0 结构：卡片可交互和可更新时间统一
 *   为 14 天"; an update after that fails with code 230031), properties the schema does not allow
 *   are refused ("传入不支持的属性将报错"):
 *   https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards/card-json-v2-breaking-changes-release-notes
 * - Card JSON 2.0 structure: at most 200 elements and components in one card:
 *   https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards/card-json-v2-structure
 *   (we count every object with a `tag`: components, text objects, options, columns)
 * - Input component: `max_length` 1 to 1,000 (default 1,000):
 *   https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards/card-json-v2-components/interactive-components/input
 */
export const FEISHU = {
  /** The request body limit for a card (create, reply, patch). */
  cardRequestBytes: 30 * 1024,
  /**
   * Our budget for the card itself, measured as it sits in the request: the card JSON as a JSON
   * string (`content`), escapes included. The rest of the request (receive_id, uuid, msg_type) fits
   * in what is left.
   */
  cardBudgetBytes: 28 * 1024,
  elementsPerCard: 200,
  /** Our budget of elements per card, leaving room for the header and the page's own lines. */
  elementBudget: 190,
  inputMaxLength: 1000,
  /** Cards can be clicked and updated this long after they are sent. */
  cardLifetimeDays: 14,
  /**
   * A message people act on for weeks (`Message.lasting`) is sent again as a fresh card this long
   * after its cards were sent: two days before they stop answering, so a missed hourly round or a
   * day of rate limits still leaves it in time.
   */
  renewAfterDays: 12,
} as const;

/** Bytes a card takes in the request body: its JSON, as the JSON string `content`. */
export const cardBytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(JSON.stringify(card)), 'utf8');

/** Bytes a piece of markdown adds to the request (the same double encoding, without the quotes). */
export const markdownBytes = (text: string): number => cardBytes(text) - 6;

/** Elements as Feishu counts them: every object with a `tag`. */
export function countElements(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + countElements(x), 0);
  if (!node || typeof node !== 'object') return 0;
  const o = node as Record<string, unknown>;
  let n = typeof o.tag === 'string' ? 1 : 0;
  for (const v of Object.values(o)) n += countElements(v);
  return n;
}
