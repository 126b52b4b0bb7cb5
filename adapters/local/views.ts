/**
 * The workspace's HTML: the page shell (persona switcher, sidebar, conversation, message box) and
 * one stored message as an <article>. Message content itself goes through render.ts.
 */
import type { Person, Locale } from '../../src/ports/records.js';
import type { Message } from '../../src/ui/model.js';
import type { UploadPayload } from '../../src/ports/outbox-queue.js';
import { t } from '../../src/ui/i18n/index.js';
import { escapeHtml, renderMessageBody, renderUpload, type RenderCtx } from './render.js';
import type { StoredMessage } from './messages.js';
import type { ConversationEntry } from './persona.js';

export interface MessageView {
  ctx: RenderCtx;
  /** The viewer's zone, for timestamps. */
  timezone: string;
}

/** Same options as the page script's, which re-formats live fragments in the viewer's zone. */
export const TIME_FORMAT: Intl.DateTimeFormatOptions = {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

function timeLabel(at: number, locale: Locale, timezone: string): string {
  return new Intl.DateTimeFormat(locale, { ...TIME_FORMAT, timeZone: timezone }).format(at);
}

function articleBody(m: StoredMessage, view: MessageView): string {
  const ctx = { ...view.ctx, locale: m.locale };
  return m.kind === 'upload'
    ? renderUpload(m.payload as UploadPayload, `/api/file?id=${m.id}`)
    : renderMessageBody(m.payload as Message, ctx, `m${m.id}`);
}

/** One delivered message (and its thread replies) as an article; updates replace it by id. */
export function renderStoredMessage(m: StoredMessage, replies: StoredMessage[], view: MessageView): string {
  const botName = t(view.ctx.locale, 'local.botDm');
  // A message keeps the time it was sent; an edit is marked, as chat apps do, with its own time.
  const when = timeLabel(m.createdAt, view.ctx.locale, view.timezone);
  const edited =
    m.updatedAt > m.createdAt
      ? ` <span class="edited">(${escapeHtml(t(view.ctx.locale, 'local.edited'))} <time datetime="${new Date(m.updatedAt).toISOString()}">${escapeHtml(timeLabel(m.updatedAt, view.ctx.locale, view.timezone))}</time>)</span>`
      : '';
  const thread = m.threadId
    ? ''
    : `<div class="thread" id="thread-${m.id}" aria-label="${escapeHtml(t(view.ctx.locale, 'local.thread'))}"${replies.length ? '' : ' hidden'}>${replies
        .map((r) => renderStoredMessage(r, [], view))
        .join('')}</div>`;
  return `<article class="msg${m.threadId ? ' reply' : ''}" id="msg-${m.id}" data-id="${m.id}" lang="${m.locale}">
<header class="msg-meta"><span class="author">${escapeHtml(botName)}</span> <time datetime="${new Date(m.createdAt).toISOString()}">${escapeHtml(when)}</time>${edited}</header>
<div class="msg-body">${articleBody(m, view)}</div>${thread}
</article>`;
}

/** A reply only the actor sees (Slack's ephemeral message), shown in the current conversation. */
export function renderEphemeral(message: Message, view: MessageView, seq: number): string {
  return `<article class="msg ephemeral" lang="${view.ctx.locale}" id="eph-${seq}">
<header class="msg-meta"><span class="author">${escapeHtml(t(view.ctx.locale, 'local.botDm'))}</span> <span class="only-you">${escapeHtml(t(view.ctx.locale, 'local.onlyYou'))}</span></header>
<div class="msg-body">${renderMessageBody(message, view.ctx, `e${seq}`)}</div>
</article>`;
}

/** The Home screen, in place of a conversation's messages; the page script redraws it after each action. */
export function renderHome(message: Message, view: MessageView): string {
  return `<article class="msg home-screen" id="home" lang="${view.ctx.locale}">
<div class="msg-body">${renderMessageBody(message, view.ctx, 'home')}</div>
</article>`;
}

export interface PageModel {
  persona: Person;
  personaOptions: { id: string; label: string }[];
  locale: Locale;
  conversations: ConversationEntry[];
  current: ConversationEntry;
  messagesHtml: string;
  suggestions: string[];
  timezone: string;
  /** HR sees a link to the dashboard page. */
  showDashboard?: boolean;
}

export function renderPage(p: PageModel): string {
  const L = (k: Parameters<typeof t>[1], params?: Record<string, string>) => escapeHtml(t(p.locale, k, params));
  const link = (c: ConversationEntry) =>
    `<li><a href="/?c=${encodeURIComponent(c.id)}" data-conversation="${escapeHtml(c.id)}"${c.id === p.current.id ? ' aria-current="page"' : ''}>${c.kind === 'channel' ? '<span aria-hidden="true"># </span>' : ''}${escapeHtml(c.label)}<span class="badge" hidden></span></a></li>`;
  const homes = p.conversations.filter((c) => c.kind === 'home');
  const dms = p.conversations.filter((c) => c.kind === 'dm');
  const channels = p.conversations.filter((c) => c.kind === 'channel');
  return `<!doctype html>
<html lang="${p.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${L('local.pageTitle')}</title>
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body data-persona="${escapeHtml(p.persona.id)}" data-conversation="${escapeHtml(p.current.id)}" data-timezone="${escapeHtml(p.timezone)}" data-failed="${L('common.failed')}" data-unreachable="${L('local.unreachable')}">
<header class="topbar">
  <button type="button" class="nav-toggle" id="nav-toggle" aria-controls="sidebar" aria-expanded="false" aria-label="${L('local.menu')}"><span aria-hidden="true">☰</span></button>
  <span class="brand" lang="zh-CN">担当</span><span class="brand-en">Dandang</span>
  <form class="persona" method="get" action="/">
    <label for="persona-select">${L('local.youAre')}</label>
    <select id="persona-select" name="as">${p.personaOptions
      .map(
        (o) =>
          `<option value="${escapeHtml(o.id)}"${o.id === p.persona.id ? ' selected' : ''}>${escapeHtml(o.label)}</option>`,
      )
      .join('')}</select>
    <input type="hidden" name="c" value="">
    <noscript><button type="submit">${L('local.send')}</button></noscript>
  </form>
  <span class="live" id="live-status" role="status" data-live="${L('local.live')}" data-reconnecting="${L('local.reconnecting')}">${L('local.reconnecting')}</span>
</header>
<div class="layout">
<nav class="sidebar" id="sidebar" aria-label="${L('local.workspace')}">
  <ul class="home-link">${homes.map(link).join('')}</ul>
  <h2>${L('local.directMessages')}</h2>
  <ul>${dms.map(link).join('')}</ul>
  ${channels.length ? `<h2>${L('local.channels')}</h2><ul>${channels.map(link).join('')}</ul>` : ''}
  ${p.showDashboard ? `<p class="dashboard-link"><a href="/dashboard">${L('local.dashboard')}</a></p>` : ''}
  <p class="warning">${L('local.warning')}</p>
</nav>
<main class="conversation" aria-labelledby="conversation-title">
  <h1 id="conversation-title">${p.current.kind === 'channel' ? '# ' : ''}${escapeHtml(p.current.label)}</h1>
  <div id="messages" class="messages" role="log" aria-labelledby="conversation-title" tabindex="0">
    ${p.messagesHtml || `<p class="empty">${L('local.empty')}</p>`}
  </div>
  <form id="composer" class="composer" autocomplete="off">
    <label for="composer-input">${L('local.messageLabel')}</label>
    <input id="composer-input" name="text" list="command-suggestions" placeholder="${L('local.messagePlaceholder')}" required>
    <datalist id="command-suggestions">${p.suggestions.map((s) => `<option value="${escapeHtml(s)}"></option>`).join('')}</datalist>
    <button type="submit" class="btn btn-primary">${L('local.send')}</button>
  </form>
</main>
</div>
<dialog id="form-dialog" class="form-dialog"></dialog>
<div id="toasts" class="toasts" role="status" aria-live="polite" aria-label="${L('local.notifications')}"></div>
</body>
</html>`;
}
