/**
 * Reading each platform's payload the way the platform shows it: Slack mrkdwn with its control
 * sequences and formatting applied, Feishu card markdown with its references decoded, the local
 * page's HTML as text. Used by the renderer tests to compare what a reader sees with the model.
 */

/** Every text object of a Block Kit payload, in order: [kind, text]. Button values are data. */
export function slackTexts(node: unknown, out: ['mrkdwn' | 'plain', string][] = []): ['mrkdwn' | 'plain', string][] {
  if (Array.isArray(node)) node.forEach((n) => slackTexts(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(['mrkdwn', o.text]);
    else if (o.type === 'plain_text' && typeof o.text === 'string') out.push(['plain', o.text]);
    else for (const [k, v] of Object.entries(o)) if (k !== 'value') slackTexts(v, out);
  }
  return out;
}

export const SLACK_DATE = /<!date\^00000000\^\{_\}\|(.)>/gu;
export const SLACK_LINK = /<(https?:\/\/[^|>]+)\|([^>]*)>/g;
export const SLACK_USER = /<@([UW][A-Z0-9]+)>/g;

/** Slack mrkdwn as Slack shows it: our control sequences resolved, then Slack's formatting applied. */
export function slackVisible(mrkdwn: string, nameOfSlackId: (id: string) => string): string {
  // A date token's fallback, a link's label and a user's name are shown as they are and never
  // take part in formatting: park them in the private use area until the end.
  const parked: string[] = [];
  const park = (text: string) => String.fromCodePoint(0xe000 + parked.push(text) - 1);
  let s = mrkdwn
    .replace(SLACK_DATE, (_m, c: string) => park(c))
    .replace(SLACK_LINK, (_m, _url, label: string) => park(label))
    .replace(SLACK_USER, (_m, id: string) => park(`@${nameOfSlackId(id)}`));
  // Slack formats *b* _i_ ~s~ when the delimiters stand at word boundaries, and `code` anywhere.
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s
      .replace(/(^|[^\p{L}\p{N}])([*_~])(?=\S)([^\n]*?\S)\2(?=$|[^\p{L}\p{N}])/gmu, '$1$3')
      .replace(/`([^`\n]+)`/g, '$1');
  }
  return s
    .replace(/[\ue000-\uefff]/g, (c) => parked[c.codePointAt(0)! - 0xe000]!)
    .replace(/[\u00ad\u200b]/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every text of a Feishu card, in order: [kind, text]. Callback values are data, not shown. */
export function feishuTexts(node: unknown, out: ['md' | 'plain', string][] = []): ['md' | 'plain', string][] {
  if (Array.isArray(node)) node.forEach((n) => feishuTexts(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.tag === 'markdown' && typeof o.content === 'string') out.push(['md', o.content]);
    else if (o.tag === 'plain_text' && typeof o.content === 'string') out.push(['plain', o.content]);
    else for (const [k, v] of Object.entries(o)) if (k !== 'behaviors' && k !== 'config') feishuTexts(v, out);
  }
  return out;
}

/** Card markdown with the constructs our serializer writes taken out; what remains is literal text. */
export const feishuLiteral = (md: string) =>
  md
    .replace(/<at id=(ou_\w+)><\/at>/g, (_m, id: string) => `\u0001${id}\u0002`)
    .replace(/^<font color='red'>(.*)<\/font>$/s, '$1')
    .replace(/\[([^\]]*)\]\(https?:\/\/[^)\s]+\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/`([^`]+)`/g, '$1');

export function feishuVisible(md: string, nameOfOpenId: (id: string) => string): string {
  return feishuLiteral(md)
    .replace(/\u0001(\w+)\u0002/g, (_m, id: string) => `@${nameOfOpenId(id)}`)
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)));
}

/** The local page's HTML as a reader sees it: block elements on their own lines, no hidden text. */
export function htmlVisible(html: string): string {
  return html
    .replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
    .replace(/<br>|<\/(p|h2|h3|dt|dd|li|button|option|label|textarea)>|<hr[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
