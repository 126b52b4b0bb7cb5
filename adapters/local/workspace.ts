/**
 * The local workspace's behaviour, free of HTTP: who is acting, what they may see, turning typed
 * commands, clicks and form submissions into neutral Inbound events, and Replies into fragments.
 */
import type { AdapterContext } from '../context.js';
import type { Person, Locale } from '../../src/ports/records.js';
import { refusalMessage, type Reply, type FormValues } from '../../src/ui/model.js';
import { isActionId, isFormId } from '../../src/ui/actions.js';
import { submissionKey } from '../submission-key.js';
import { t } from '../../src/ui/i18n/index.js';
import { literal } from '../../src/ui/markup.js';
import { makeLocalMessageStore, type LocalMessageStore, type StoredMessage } from './messages.js';
import { canSee, conversationsFor, dmConversation, HOME_VIEW, personaLabel, resolvePersona } from './persona.js';
import { isHr } from '../../src/domain/people.js';
import { actorOf, localeOf } from '../../src/app/actor.js';
import { parseCommandLine, commandSuggestions } from './commands.js';
import { plainText, renderForm, type RenderCtx } from './render.js';
import { renderEphemeral, renderHome, renderPage, renderStoredMessage, type MessageView } from './views.js';
import { LiveHub } from './live.js';
import { makeDashboardQuery } from '../../src/app/report.js';
import { renderDashboardPage, renderDashboardRefusal } from './dashboard.js';
import type { UploadPayload } from '../../src/ports/outbox-queue.js';
import { MissingFileError, uploadBytes } from '../files/materialize.js';
import { checkFile, refusalText, submitWithFiles, type ReceivedFile } from '../files/intake.js';
import { maxFileBytes } from '../../src/domain/files.js';
import { translator } from '../../src/ui/i18n/index.js';
import { HeldUploads } from './uploads.js';

/** What the page script gets back for a command, click or submission. */
export type ReplyJson =
  | { kind: 'ok'; toast?: string; html?: string }
  | { kind: 'form'; html: string }
  | { kind: 'formErrors'; errors: Record<string, string>; text: string }
  /** `html`: the refusal with the buttons that unblock it, as an ephemeral message for the conversation. */
  | { kind: 'error'; text: string; html?: string };

export class Workspace {
  readonly messages: LocalMessageStore;
  readonly live: LiveHub;
  private ephemeralSeq = 0;
  private readonly uploads = new HeldUploads();
  /** Set by index.ts: drains the outbox right after an interaction. */
  wakeSender: () => Promise<void> = async () => {};

  constructor(private readonly ctx: AdapterContext) {
    this.messages = makeLocalMessageStore(ctx.conn);
    this.live = new LiveHub((personaId, conversation) => {
      const p = this.person(personaId);
      return !!p?.active && canSee(p, conversation);
    });
  }

  get log() {
    return this.ctx.log;
  }

  /** The HR dashboard page for a persona; someone who is not HR gets the refusal, as a page. */
  async dashboard(
    p: Person,
    filter: { period?: string; department?: string },
  ): Promise<{ status: number; html: string }> {
    const locale = this.localeOf(p);
    const r = makeDashboardQuery(this.ctx)({ actorId: p.id, ...filter });
    if (r.ok) return { status: 200, html: await renderDashboardPage(r.value, locale) };
    return { status: r.code === 'NOT_AUTHORIZED' ? 403 : 400, html: renderDashboardRefusal(locale, r.message) };
  }

  person(id: string): Person | null {
    return this.ctx.store.read((tx) => tx.org.person(id));
  }

  persona(requested: string | undefined): Person | null {
    return resolvePersona(this.ctx.store, requested);
  }

  isPerson(address: string): boolean {
    return this.person(address) !== null;
  }

  localeOf(p: Person): Locale {
    return localeOf(p, this.ctx.settings);
  }

  private viewFor(p: Person | null, people?: Person[]): MessageView {
    const all = people ?? this.ctx.store.read((tx) => tx.org.allPeople());
    const names = new Map(all.map((x) => [x.id, x.name]));
    const ctx: RenderCtx = { nameOf: (id) => names.get(id), locale: p ? this.localeOf(p) : this.ctx.settings.locale };
    return { ctx, timezone: p?.timezone ?? this.ctx.settings.timezone };
  }

  /** The whole page for a persona and a conversation (their DM if none or not visible). */
  async page(p: Person, requested: string | undefined): Promise<string> {
    const locale = this.localeOf(p);
    const { everyone, people, departments, managers } = this.ctx.store.read((tx) => {
      const all = tx.org.allPeople();
      const active = all.filter((x) => x.active);
      const depts = [...new Set(active.map((x) => x.department))].sort();
      const mgrs = new Set(active.filter((x) => x.managerId).map((x) => x.managerId!));
      return { everyone: all, people: active, departments: depts, managers: mgrs };
    });
    const conversations = conversationsFor(p, departments, locale);
    const current =
      conversations.find((c) => c.id === requested) ?? conversations.find((c) => c.kind === 'dm') ?? conversations[0]!;
    // Names of everyone, people who have left too: a closed case still names its employee.
    const view = this.viewFor(p, everyone);
    const messagesHtml =
      current.id === HOME_VIEW
        ? await this.home(p)
        : this.messages
            .conversation(current.id)
            .map(({ root, replies }) => renderStoredMessage(root, replies, view))
            .join('\n');
    return renderPage({
      persona: p,
      personaOptions: people.map((x) => ({ id: x.id, label: personaLabel(x, managers.has(x.id), locale) })),
      locale,
      conversations,
      current,
      messagesHtml,
      suggestions: commandSuggestions(people, { hr: isHr(p) }),
      showDashboard: isHr(p),
      timezone: view.timezone,
    });
  }

  /**
   * The persona's Home (`/dandang home`, the screen Slack's App Home and the Feishu menu show), drawn
   * from the database on every load, so it survives a reload and is never stale after one.
   */
  async home(p: Person): Promise<string> {
    const reply = await this.ctx.router.dispatch({
      kind: 'command',
      actor: actorOf(p, 'local', this.ctx.settings),
      command: 'dandang',
      args: 'home',
      mentions: [],
    });
    const view = this.viewFor(p);
    const message =
      reply.kind === 'ok' && reply.message
        ? reply.message
        : refusalMessage(reply.kind === 'error' ? reply.text : t(view.ctx.locale, 'common.failed'));
    return renderHome(message, view);
  }

  /** A delivered message pushed to every tab that can see its conversation. */
  publishDelivered(m: StoredMessage, op: 'post' | 'update'): void {
    const root = m.threadId ? this.messages.get(m.threadId) : null;
    const conversation = root?.conversation ?? m.conversation;
    const replies =
      op === 'update' && !m.threadId
        ? (this.messages.conversation(m.conversation).find((x) => x.root.id === m.id)?.replies ?? [])
        : [];
    // One fragment serves every viewer: chrome words follow the message's locale, and times the
    // DM owner's zone (a channel uses the configured zone).
    const owner = conversation.startsWith('dm:') ? this.person(conversation.slice(3)) : null;
    const view = this.viewFor(owner);
    view.ctx.locale = m.locale;
    const html = renderStoredMessage(m, replies, view);
    this.live.publish(conversation, 'message', { conversation, id: m.id, threadId: m.threadId, op, html });
  }

  async command(p: Person, text: string): Promise<ReplyJson> {
    const locale = this.localeOf(p);
    const people = this.ctx.store.read((tx) => tx.org.activePeople());
    const parsed = parseCommandLine(text, people);
    if (!parsed.ok) {
      const refusal =
        parsed.reason === 'unknownMention'
          ? t(locale, 'local.unknownMention', { name: literal(parsed.name) })
          : t(locale, parsed.reason === 'notACommand' ? 'local.notACommand' : 'common.unknownCommand');
      return this.toJson(p, { kind: 'error', code: 'INVALID_INPUT', text: refusal });
    }
    const reply = await this.ctx.router.dispatch({
      kind: 'command',
      actor: actorOf(p, 'local', this.ctx.settings),
      ...parsed,
    });
    return this.toJson(p, reply);
  }

  async action(p: Person, actionId: string, value: string): Promise<ReplyJson> {
    if (!isActionId(actionId)) return { kind: 'error', text: t(this.localeOf(p), 'common.unknownCommand') };
    const reply = await this.ctx.router.dispatch({
      kind: 'action',
      actor: actorOf(p, 'local', this.ctx.settings),
      actionId,
      value,
    });
    return this.toJson(p, reply);
  }

  /**
   * The options of a form's search field (render.ts renders it as a text input with a datalist) for
   * what the persona typed. Labels go as the text a reader sees; the page maps a picked label back
   * to its value, and anything else typed is sent as typed, for the use case to resolve.
   */
  async suggest(
    p: Person,
    formId: string,
    state: string,
    inputId: string,
    query: string,
  ): Promise<{ kind: 'ok'; options: { value: string; label: string }[] }> {
    if (!isFormId(formId)) return { kind: 'ok', options: [] };
    const found = await this.ctx.router.suggest({
      actor: actorOf(p, 'local', this.ctx.settings),
      formId,
      state,
      inputId,
      query,
    });
    return { kind: 'ok', options: found.map((o) => ({ value: o.value, label: plainText(o.label, () => undefined) })) };
  }

  /**
   * `instance` is the token rendered into the form (render.ts): it makes a repeat of this submission
   * a no-op. `files` names uploads held by `holdUpload`, by input id; they are checked and stored
   * (adapters/files/intake.ts) and handed to the use case beside the values.
   */
  async submit(
    p: Person,
    formId: string,
    state: string,
    values: FormValues,
    instance = '',
    files: Record<string, string[]> = {},
  ): Promise<ReplyJson> {
    if (!isFormId(formId)) return { kind: 'error', text: t(this.localeOf(p), 'common.unknownCommand') };
    const ev = {
      kind: 'submit' as const,
      actor: actorOf(p, 'local', this.ctx.settings),
      formId,
      state,
      values,
      submissionKey: /^[\w-]{16,64}$/.test(instance)
        ? submissionKey(`local:${instance}`, { formId, state, values })
        : undefined,
    };
    const inputs = Object.entries(files).filter(([, tokens]) => tokens.length);
    if (!inputs.length) return this.toJson(p, await this.ctx.router.dispatch(ev));
    const received: Record<string, ReceivedFile[]> = {};
    for (const [inputId, tokens] of inputs) {
      const held = tokens.map((token) => this.uploads.take(p.id, token));
      if (held.some((h) => !h))
        return this.toJson(p, { kind: 'formErrors', errors: { [inputId]: t(this.localeOf(p), 'local.uploadAgain') } });
      received[inputId] = held as ReceivedFile[];
    }
    return this.toJson(p, await submitWithFiles(this.ctx, ev, received));
  }

  /** The configured size limit of one file. */
  maxFileBytes(): number {
    return maxFileBytes(this.ctx.settings);
  }

  tooLargeText(p: Person, name: string, size: number): string {
    return refusalText(
      translator(this.localeOf(p)),
      name,
      { reason: 'too_large', maxBytes: this.maxFileBytes() },
      size,
    );
  }

  /**
   * A file chosen in an upload field: checked now (size, real type) so a refusal shows at once, and
   * held in memory for the form's submission, never stored until then.
   */
  async holdUpload(p: Person, name: string, bytes: Uint8Array): Promise<{ token: string } | { error: string }> {
    const refusal = await checkFile({ name, bytes }, this.maxFileBytes(), translator(this.localeOf(p)));
    if (refusal) return { error: refusal };
    return { token: this.uploads.hold(p.id, { name, bytes }) };
  }

  /** Whether `p` may download the file in message `id` (dossiers go to HR threads only). */
  file(p: Person, id: number): StoredMessage | null {
    const m = this.messages.get(id);
    if (!m || m.kind !== 'upload') return null;
    const root = m.threadId ? this.messages.get(m.threadId) : null;
    return canSee(p, root?.conversation ?? m.conversation) ? m : null;
  }

  /** The bytes of a delivered upload (a stored file is read from the FileStore); null when gone. */
  async uploadBytes(u: UploadPayload): Promise<Uint8Array | null> {
    try {
      return await uploadBytes(u, this.ctx.files);
    } catch (e) {
      if (e instanceof MissingFileError) return null;
      throw e;
    }
  }

  canSee(p: Person, conversation: string): boolean {
    return canSee(p, conversation);
  }

  dmOf(p: Person): string {
    return dmConversation(p.id);
  }

  private async toJson(p: Person, reply: Reply): Promise<ReplyJson> {
    // The use case's outbox rows are committed by now; deliver them before answering, so the page
    // sees the bot's messages arrive together with the reply.
    await this.wakeSender();
    const view = this.viewFor(p);
    // Toasts and errors are set as text by the page script: send what a reader sees, not markup.
    const plain = (text: string) => plainText(text, view.ctx.nameOf);
    switch (reply.kind) {
      case 'ok':
        return {
          kind: 'ok',
          toast:
            reply.toast !== undefined
              ? plain(reply.toast)
              : reply.message
                ? undefined
                : t(view.ctx.locale, 'local.done'),
          html: reply.message ? renderEphemeral(reply.message, view, ++this.ephemeralSeq) : undefined,
        };
      case 'form':
        return { kind: 'form', html: renderForm(reply.form, view.ctx) };
      case 'formErrors':
        return {
          kind: 'formErrors',
          errors: Object.fromEntries(Object.entries(reply.errors).map(([id, e]) => [id, plain(e)])),
          text: t(view.ctx.locale, 'common.invalidInput'),
        };
      case 'error':
        // A refusal with buttons that unblock it, or with lines to read (a command's usage), also
        // stays in the conversation as a message only the actor sees, as Slack's ephemeral does.
        return reply.actions?.length || reply.text.includes('\n')
          ? {
              kind: 'error',
              text: plain(reply.text),
              html: renderEphemeral(refusalMessage(reply.text, reply.actions), view, ++this.ephemeralSeq),
            }
          : { kind: 'error', text: plain(reply.text) };
    }
  }
}
