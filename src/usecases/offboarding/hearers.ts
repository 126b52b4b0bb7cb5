/**
 * Who may hear a case's appeal, in one place for the three verbs that ask: opening the step's form,
 * the suggestions of its search field (search-appeal-hearers.ts) and the submit (step-inputs.ts).
 * Anyone active who took no part in the case or its evidence; HR first, then by name. The list is
 * searched, never sent whole: an organisation may have thousands of eligible people.
 */
import type { ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { CaseRecord } from '../../ports/repos/cases.js';
import type { EvidenceFacts } from '../../domain/policy/index.js';
import type { T } from '../../ui/i18n/index.js';
import { isHr } from '../../domain/people.js';
import { exactMatches, searchPeople } from '../../domain/person-search.js';
import { buildHearerOptions, hearerMatchError } from '../../ui/screens/offboarding/hearers.js';

/** At most this many suggestions for one query (Slack shows 100 options; nobody reads more). */
export const HEARER_SUGGESTIONS = 100;
/** A typed name that fits several people: the error names this many of them. */
export const AMBIGUOUS_SHOWN = 10;

/** Everyone who took part in the case or its evidence: they cannot hear the appeal. */
export function involvedPeople(tx: ReadTx, c: CaseRecord, employee: Person, facts: EvidenceFacts): Set<string> {
  return new Set([
    employee.id,
    c.openedBy,
    ...(employee.managerId ? [employee.managerId] : []),
    ...tx.cases.events(c.id).map((e) => e.actorId),
    ...facts.reviews.map((r) => r.authorId),
    ...facts.notes.map((n) => n.authorId),
    ...facts.incidents.map((i) => i.reportedBy),
  ]);
}

/** HR first (they usually hear appeals), then by name (two of one name by email). */
export const hearerOrder = (a: Person, b: Person): number =>
  Number(isHr(b)) - Number(isHr(a)) || a.name.localeCompare(b.name) || a.email.localeCompare(b.email);

/** The active people not involved in the case. */
export function eligibleHearers(tx: ReadTx, c: CaseRecord, employee: Person, facts: EvidenceFacts): Person[] {
  const involved = involvedPeople(tx, c, employee, facts);
  return tx.org.activePeople().filter((p) => !involved.has(p.id));
}

/** The eligible people matching `query` (name, email, department), best first. */
export const suggestHearers = (eligible: Person[], query: string, limit = HEARER_SUGGESTIONS): Person[] =>
  searchPeople(eligible, query, hearerOrder, limit);

/**
 * The person a submitted `heard_by` names. A picker sends a person id; where a platform cannot
 * search (a Feishu card) the person typed a name or an email, which names someone only when it is
 * exactly one active person's whole name or email. Anything else is an error that says who matches,
 * so the person can type one's email. Whether the one found may hear the appeal is the caller's.
 */
export function resolveHearer(
  tx: ReadTx,
  t: T,
  typed: string,
  eligible: () => Person[],
): { person: Person } | { error: string } {
  const raw = typed.trim();
  const byId = tx.org.person(raw);
  if (byId) return byId.active ? { person: byId } : { error: t('common.required') };
  const exact = exactMatches(tx.org.activePeople(), raw);
  if (exact.length === 1) return { person: exact[0]! };
  const candidates = exact.length ? exact.sort(hearerOrder) : suggestHearers(eligible(), raw, AMBIGUOUS_SHOWN + 1);
  const shown = buildHearerOptions(t, candidates.slice(0, AMBIGUOUS_SHOWN));
  return { error: hearerMatchError(t, raw, shown, candidates.length > AMBIGUOUS_SHOWN) };
}
