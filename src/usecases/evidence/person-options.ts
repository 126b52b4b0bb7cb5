/** The choices of a person picker (a trainer, a witness) in an evidence form. */
import type { ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { Option } from '../../ui/model.js';
import { managerChain } from '../shared/people.js';

/**
 * Select options for picking a person: the actor first, then the subject's management chain, then
 * `others`, without the subject, duplicates or inactive people. However many there are: the form
 * marks the select as a list of people, and a platform whose select holds fewer offers its person
 * search instead (Slack users_select, Feishu select_person).
 */
export function personOptions(tx: ReadTx, subject: Person, actor: Person, others: Iterable<Person>): Option[] {
  const seen = new Set<string>([subject.id]);
  const out: Option[] = [];
  const add = (p: Person | null) => {
    if (!p || seen.has(p.id) || !p.active) return;
    seen.add(p.id);
    out.push({ value: p.id, label: p.name });
  };
  add(actor);
  for (const id of managerChain(tx, subject.id)) add(tx.org.person(id));
  for (const p of others) add(p);
  return out;
}
