/**
 * A meeting link a manager types (Zoom, Teams, Feishu Meetings…). It is the one user-typed link
 * shown as a clickable link to someone else: it must be https, name a host, and hold nothing the
 * markup would read otherwise (spaces, quotes, brackets, angle brackets, backticks). Anything else
 * is refused in the form, not shown as text that looks like a link.
 */
import { TEXT_LIMITS } from './text.js';

const SAFE = /^https:\/\/[^\s()<>"'`\\[\]]+$/;
export const MAX_MEETING_URL = TEXT_LIMITS.link;

/** The link as it will be shown, or null when it is not a safe https meeting link. */
export function parseMeetingUrl(raw: string): string | null {
  const s = raw.trim();
  if (!s || s.length > MAX_MEETING_URL || !SAFE.test(s)) return null;
  try {
    const url = new URL(s);
    if (url.protocol !== 'https:' || !url.hostname.includes('.') || url.username || url.password) return null;
    return s;
  } catch {
    return null;
  }
}
