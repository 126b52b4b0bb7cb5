/**
 * Fetching the files a person chose in a modal's file_input (issue 16). Slack uploads them itself
 * and the view_submission names them by id; the bot reads each with `files.info` (the files:read
 * scope) and downloads `url_private_download` with its token in the Authorization header, as Slack's
 * docs say private file URLs need. Without a valid token Slack answers with its HTML sign-in page,
 * which is treated as a failed fetch, not as a file.
 *
 * This runs before the modal's ack (the answer may be a field error), so every download has a
 * deadline inside Slack's 3 seconds, and a file larger than our limit by Slack's own count is
 * refused before any byte is fetched; the bytes received are counted again.
 */
import type { WebClient } from '@slack/web-api';
import type { T } from '../../src/ui/i18n/index.js';
import { literal } from '../../src/ui/markup.js';
import { refusalText, tooManyText, type ReceivedFile } from '../files/intake.js';
import { MAX_FILES_PER_UPLOAD } from '../../src/domain/files.js';
import type { SlackFileRef } from './parse.js';

/** Whole fetch of one submission's files, inside Slack's 3-second deadline for the modal's answer. */
export const FETCH_DEADLINE_MS = 2200;

interface SlackFileInfo {
  name?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

/** Only Slack's own hosts (or the configured API's, a proxy or a test double) get the bot token. */
function mayCarryToken(url: string, apiUrl: string): boolean {
  try {
    const u = new URL(url);
    const api = new URL(apiUrl);
    if (u.origin === api.origin) return true;
    return u.protocol === 'https:' && (u.hostname === 'slack.com' || u.hostname.endsWith('.slack.com'));
  } catch {
    return false;
  }
}

export async function fetchSlackFiles(
  client: WebClient,
  refs: SlackFileRef[],
  opts: { token: string; maxBytes: number; t: T },
): Promise<{ ok: true; files: ReceivedFile[] } | { ok: false; message: string }> {
  const { t, maxBytes } = opts;
  if (refs.length > MAX_FILES_PER_UPLOAD) return { ok: false, message: tooManyText(t) };
  // Slack's own count settles an oversize file before any download.
  for (const r of refs)
    if (r.size !== null && r.size > maxBytes)
      return { ok: false, message: refusalText(t, r.name, { reason: 'too_large', maxBytes }, r.size) };
  const signal = AbortSignal.timeout(FETCH_DEADLINE_MS);
  const failed = (name: string) => ({ ok: false as const, message: t('files.refused.fetch', { name: literal(name) }) });
  const files: ReceivedFile[] = [];
  for (const r of refs) {
    let info: SlackFileInfo | undefined;
    try {
      info = ((await client.files.info({ file: r.id })) as { file?: SlackFileInfo }).file;
    } catch {
      return failed(r.name);
    }
    const name = info?.name ?? r.name;
    if (info?.size !== undefined && info.size > maxBytes)
      return { ok: false, message: refusalText(t, name, { reason: 'too_large', maxBytes }, info.size) };
    const url = info?.url_private_download ?? info?.url_private;
    if (!url || !mayCarryToken(url, client.slackApiUrl)) return failed(name);
    try {
      const res = await fetch(url, { headers: { authorization: `Bearer ${opts.token}` }, signal });
      // Slack's sign-in page, not the file: the token was refused.
      if (!res.ok || !res.body || (res.headers.get('content-type') ?? '').startsWith('text/html')) return failed(name);
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > maxBytes) {
          await res.body.cancel().catch(() => {});
          return { ok: false, message: refusalText(t, name, { reason: 'too_large', maxBytes }, size) };
        }
        chunks.push(chunk);
      }
      files.push({ name, bytes: Buffer.concat(chunks) });
    } catch {
      return failed(name);
    }
  }
  return { ok: true, files };
}
