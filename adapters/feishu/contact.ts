/**
 * Email → open_id through Feishu's contact API (`contact/v3/users/batch_get_id`, scope
 * contact:user.id:readonly). The one copy: the adapter's hourly fill-in and `org import` both call it.
 */
import type * as lark from '@larksuiteoapi/node-sdk';

/** batch_get_id accepts at most this many emails per call. */
export const EMAILS_PER_CALL = 50;

/** Splits a list into runs of at most EMAILS_PER_CALL, one API call each. */
export function inCallSizedRuns<T>(items: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += EMAILS_PER_CALL) runs.push(items.slice(i, i + EMAILS_PER_CALL));
  return runs;
}

/**
 * One call for up to EMAILS_PER_CALL emails. Returns lower-cased email → open_id for the people
 * Feishu knows (resigned accounts excluded); an email missing from the map has no account.
 * Throws when Feishu refuses the call.
 */
export async function openIdsByEmail(client: lark.Client, emails: readonly string[]): Promise<Map<string, string>> {
  if (emails.length > EMAILS_PER_CALL) throw new Error(`batch_get_id takes at most ${EMAILS_PER_CALL} emails`);
  if (emails.length === 0) return new Map();
  const res = await client.contact.v3.user.batchGetId({
    params: { user_id_type: 'open_id' },
    data: { emails: [...emails], include_resigned: false },
  });
  if (res.code) throw new Error(`Feishu contact lookup (batch_get_id) failed: ${res.code} ${res.msg ?? ''}`.trim());
  return new Map(
    (res.data?.user_list ?? []).flatMap((u) =>
      u.email && u.user_id ? [[u.email.toLowerCase(), u.user_id] as const] : [],
    ),
  );
}
