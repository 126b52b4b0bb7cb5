/**
 * The only user-typed text shown as a clickable link: a meeting link checked as safe https
 * (src/domain/meeting-url.ts). Everything else a person typed is literal text, links included.
 */
import { parseMeetingUrl } from '../domain/meeting-url.js';
import { literal } from './markup.js';

/** A checked meeting link as markup, labelled `label` (or the link without its scheme). */
export function meetingLink(url: string, label?: string): string {
  return `[${literal(label ?? url.replace(/^https:\/\//, ''))}](${url})`;
}

/** A place as typed: a bare https meeting link becomes clickable, anything else stays literal text. */
export function placeOrLink(place: string): string {
  const url = parseMeetingUrl(place);
  return url ? meetingLink(url) : literal(place);
}
