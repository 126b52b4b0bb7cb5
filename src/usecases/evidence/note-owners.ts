/** Who may own an agreed action of a conversation note: the form offers them, the save checks them. */
import type { ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import type { Option } from '../../ui/model.js';
import { tFor } from '../shared/people.js';

/** The employee, the note's author and the employee's manager, labelled for the author. */
export function noteOwnerOptions(tx: ReadTx, subject: Person, author: Person, settings: AppSettings): Option[] {
  const t = tFor(author, settings);
  const opts: Option[] = [{ value: subject.id, label: t('ev.note.ownerEmployee', { name: subject.name }) }];
  if (author.id !== subject.id) opts.push({ value: author.id, label: t('ev.note.ownerAuthor', { name: author.name }) });
  const manager = subject.managerId ? tx.org.person(subject.managerId) : null;
  if (manager && manager.id !== author.id) opts.push({ value: manager.id, label: manager.name });
  return opts;
}
