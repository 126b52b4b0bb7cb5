/**
 * Builds, from the database, the handbook and incident messages an employee receives, in their
 * language and zone. Used when first sent and again when they answer (the DM is edited in place).
 */
import type { ReadTx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import type { Incident } from '../../ports/repos/conduct.js';
import type { Message } from '../../ui/model.js';
import {
  buildHandbookMessage,
  buildIncidentMessage,
  currentSections,
  type IncidentView,
} from '../../ui/screens/evidence/conduct.js';
import { tFor, zoneOf } from '../shared/people.js';

const namesOf = (tx: ReadTx) => (id: string) => tx.org.person(id)?.name ?? id;

export function incidentView(tx: ReadTx, settings: AppSettings, i: Incident, viewerZone?: string): IncidentView {
  const subject = tx.org.person(i.personId);
  return {
    incident: i,
    rule: i.ruleId === null ? null : tx.conduct.section(i.ruleId),
    reporterName: namesOf(tx)(i.reportedBy),
    employeeName: subject?.name ?? i.personId,
    ack: tx.acks.find('incident', String(i.id), i.personId),
    names: namesOf(tx),
    zone: viewerZone ?? zoneOf(subject, settings),
  };
}

export const incidentMessage = (tx: ReadTx, settings: AppSettings, i: Incident): Message =>
  buildIncidentMessage(tFor(tx.org.person(i.personId), settings), incidentView(tx, settings, i));

export function handbookMessage(tx: ReadTx, settings: AppSettings, version: number, personId: string): Message {
  const person = tx.org.person(personId);
  return buildHandbookMessage(tFor(person, settings), {
    version,
    sections: currentSections(tx.conduct.sections(), version),
    employeeName: person?.name ?? personId,
    ack: tx.acks.find('handbook', String(version), personId),
    names: namesOf(tx),
    zone: zoneOf(person, settings),
  });
}
