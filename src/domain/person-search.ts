/**
 * Finding a person by what someone types: a name (Chinese or Latin), an email or a department.
 * Pure: the caller decides who may be found at all; this only says who matches and in what order.
 *
 * Text is compared after NFKC (full-width ＷＡＮＧ and half-width WANG are the same letters), in
 * lower case, without spaces ("Wang Fang", "wangfang" and "王 芳" match the names they mean). Every
 * word of the query must be found in one of the fields, so "王 财务" finds 王芳 of 财务部.
 */

export interface Searchable {
  name: string;
  email: string;
  department: string;
}

/** How a search text is compared: NFKC, lower case, no whitespace. */
export const searchKey = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

/** The words of a query, each as a search key; none for a query of only spaces. */
export const queryWords = (query: string): string[] =>
  query
    .normalize('NFKC')
    .split(/[\s,，、;；]+/u)
    .map(searchKey)
    .filter(Boolean);

/**
 * How well a person matches the query's words: 0 the name starts with the first word, 1 another
 * match, null no match (a word found in none of the fields). An empty query matches everyone (1).
 */
export function matchRank(p: Searchable, words: string[]): number | null {
  if (!words.length) return 1;
  const name = searchKey(p.name);
  const fields = [name, searchKey(p.email), searchKey(p.department)];
  if (!words.every((w) => fields.some((f) => f.includes(w)))) return null;
  return name.startsWith(words[0]!) ? 0 : 1;
}

/**
 * The people matching `query`, best first: a name starting with what was typed, then `order` (the
 * caller's own order, e.g. HR first), at most `limit`.
 */
export function searchPeople<P extends Searchable>(
  people: readonly P[],
  query: string,
  order: (a: P, b: P) => number,
  limit: number,
): P[] {
  const words = queryWords(query);
  return people
    .map((p) => ({ p, rank: matchRank(p, words) }))
    .filter((m): m is { p: P; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || order(a.p, b.p))
    .slice(0, limit)
    .map((m) => m.p);
}

/** The people whose whole name or whole email is exactly what was typed (after `searchKey`). */
export function exactMatches<P extends Searchable>(people: readonly P[], typed: string): P[] {
  const key = searchKey(typed);
  if (!key) return [];
  return people.filter((p) => searchKey(p.name) === key || searchKey(p.email) === key);
}
