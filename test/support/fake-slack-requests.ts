/**
 * Requests the way Slack sends them to /slack/events: form-encoded slash commands, `payload=` JSON
 * for interactivity, JSON for the Events API, each signed with v0 HMAC-SHA256 of
 * `v0:${timestamp}:${body}` under the signing secret.
 */
import { createHmac, randomUUID } from 'node:crypto';

export interface SignedResponse {
  status: number;
  text: string;
  /** The body as JSON, or null when empty / not JSON (a bare ack is an empty 200). */
  json: Record<string, any> | null;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function postSigned(
  url: string,
  secret: string,
  body: string,
  contentType: string,
  opts: { timestamp?: number; signature?: string } = {},
): Promise<SignedResponse> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': opts.signature ?? slackSignature(secret, timestamp, body),
    },
    body,
  });
  const text = await res.text();
  let json: Record<string, any> | null = null;
  try {
    json = text ? (JSON.parse(text) as Record<string, any>) : null;
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}

/** A modal as views.open received it (the fake records the parsed view). */
export interface OpenedView {
  /** Slack's id of the open view and the hash of its current version (sent back on submit). */
  id?: string;
  hash?: string;
  callback_id: string;
  private_metadata?: string;
  title: { text: string };
  blocks: { type: string; block_id?: string; element?: { type: string; action_id: string } }[];
}

/** `view.state.values` for an opened modal, from plain values keyed by input id. */
export function stateValuesFor(
  view: OpenedView,
  values: Record<string, string | string[] | undefined>,
  /** file_input blocks: the file objects Slack reports (FakeSlack.userUploads), by block id. */
  files: Record<string, Record<string, unknown>[]> = {},
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const b of view.blocks) {
    if (b.type !== 'input' || !b.block_id || !b.element) continue;
    const v = values[b.block_id];
    const el = b.element;
    let state: Record<string, unknown>;
    switch (el.type) {
      case 'static_select':
        state = {
          selected_option: v === undefined ? null : { text: { type: 'plain_text', text: String(v) }, value: String(v) },
        };
        break;
      case 'multi_static_select':
        state = {
          selected_options: (Array.isArray(v) ? v : v ? [v] : []).map((x) => ({
            text: { type: 'plain_text', text: x },
            value: x,
          })),
        };
        break;
      case 'datepicker':
        state = { selected_date: v ?? null };
        break;
      case 'datetimepicker':
        state = { selected_date_time: v ? Math.floor(Date.parse(String(v)) / 1000) : null };
        break;
      case 'file_input':
        state = { files: files[b.block_id] ?? [] };
        break;
      default:
        state = { value: v === undefined || v === '' ? null : String(v) };
    }
    out[b.block_id] = { [el.action_id]: { type: el.type, ...state } };
  }
  return out;
}

/** Talks to one Bolt app as Slack would. `fakeUrl` hosts response_url (the fake Slack's base URL). */
export class SlackRequester {
  constructor(
    readonly eventsUrl: string,
    readonly secret: string,
    readonly fakeUrl: string,
  ) {}

  private interactive(payload: Record<string, unknown>, opts?: { timestamp?: number; signature?: string }) {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return postSigned(this.eventsUrl, this.secret, body, 'application/x-www-form-urlencoded', opts);
  }

  slashCommand(
    userId: string,
    command: string,
    text = '',
    opts: {
      channelId?: string;
      timestamp?: number;
      signature?: string;
      /** Where the answer goes (default: a fresh URL on the fake). */
      responseUrl?: string;
      /** Another app's events URL (the bench's bare Bolt app). */
      eventsUrl?: string;
    } = {},
  ) {
    const body = new URLSearchParams({
      token: 'legacy',
      team_id: 'T1',
      team_domain: 'fake',
      channel_id: opts.channelId ?? `D${userId}`,
      channel_name: 'directmessage',
      user_id: userId,
      user_name: userId.toLowerCase(),
      command,
      text,
      api_app_id: 'A1',
      response_url: opts.responseUrl ?? `${this.fakeUrl}/response/${randomUUID()}`,
      trigger_id: `trigger-${randomUUID()}`,
    }).toString();
    return postSigned(opts.eventsUrl ?? this.eventsUrl, this.secret, body, 'application/x-www-form-urlencoded', opts);
  }

  /** A click on a button (as rendered: action_id may carry a `#n` suffix) in a DM message. */
  clickButton(
    userId: string,
    button: { action_id: string; value?: string },
    opts: { channelId?: string; messageTs?: string; inView?: OpenedView } = {},
  ) {
    const channelId = opts.channelId ?? `D${userId}`;
    return this.interactive({
      type: 'block_actions',
      team: { id: 'T1', domain: 'fake' },
      user: { id: userId, username: userId.toLowerCase(), team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: `trigger-${randomUUID()}`,
      ...(opts.inView
        ? { container: { type: 'view', view_id: 'V1' }, view: { id: 'V1', type: 'modal', ...opts.inView } }
        : {
            container: {
              type: 'message',
              message_ts: opts.messageTs ?? '1.1',
              channel_id: channelId,
              is_ephemeral: false,
            },
            channel: { id: channelId, name: 'directmessage' },
            response_url: `${this.fakeUrl}/response/${randomUUID()}`,
          }),
      actions: [
        {
          type: 'button',
          action_id: button.action_id,
          block_id: 'b1',
          value: button.value ?? '',
          text: { type: 'plain_text', text: 'x' },
          action_ts: '1.2',
        },
      ],
    });
  }

  submitView(
    userId: string,
    view: OpenedView,
    values: Record<string, string | string[] | undefined>,
    opts: { timestamp?: number; signature?: string; files?: Record<string, Record<string, unknown>[]> } = {},
  ) {
    return this.interactive(
      {
        type: 'view_submission',
        team: { id: 'T1', domain: 'fake' },
        user: { id: userId, username: userId.toLowerCase(), team_id: 'T1' },
        api_app_id: 'A1',
        token: 'legacy',
        trigger_id: `trigger-${randomUUID()}`,
        view: {
          id: 'V1',
          type: 'modal',
          team_id: 'T1',
          ...view,
          private_metadata: view.private_metadata ?? '',
          state: { values: stateValuesFor(view, values, opts.files) },
          hash: view.hash ?? 'h',
        },
        response_urls: [],
      },
      opts,
    );
  }

  /** What Slack sends while someone types into an `external_select` of an open modal (the ack holds the options). */
  blockSuggestion(
    userId: string,
    view: OpenedView,
    actionId: string,
    value: string,
    opts: { timestamp?: number; signature?: string } = {},
  ) {
    return this.interactive(blockSuggestionPayload(userId, view, actionId, value), opts);
  }

  event(event: Record<string, unknown>, eventId = `Ev${randomUUID().slice(0, 8)}`) {
    const body = JSON.stringify({
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      event,
    });
    return postSigned(this.eventsUrl, this.secret, body, 'application/json');
  }
}

/**
 * A `block_suggestion`: the view as opened (callback_id, private_metadata), the element's ids and
 * the typed text. Over HTTP it is signed like any interaction; in Socket Mode it is an envelope.
 */
export function blockSuggestionPayload(
  userId: string,
  view: OpenedView,
  actionId: string,
  value: string,
): Record<string, unknown> {
  return {
    type: 'block_suggestion',
    team: { id: 'T1', domain: 'fake' },
    user: { id: userId, name: userId.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'view', view_id: view.id ?? 'V1' },
    view: {
      id: view.id ?? 'V1',
      type: 'modal',
      team_id: 'T1',
      ...view,
      private_metadata: view.private_metadata ?? '',
      state: { values: {} },
      hash: view.hash ?? 'h',
    },
    block_id: actionId,
    action_id: actionId,
    value,
  };
}

/** Every button in a rendered message or view (Block Kit JSON), for finding the one to click. */
export function buttonsIn(
  blocks: unknown[] | undefined,
): { action_id: string; value?: string; text?: { text: string } }[] {
  const out: { action_id: string; value?: string; text?: { text: string } }[] = [];
  for (const b of (blocks ?? []) as {
    type: string;
    elements?: { type: string; action_id: string; value?: string }[];
  }[]) {
    if (b.type === 'actions') for (const e of b.elements ?? []) if (e.type === 'button') out.push(e);
  }
  return out;
}
