/** The employee handbook and conduct incidents: the records an Art. 39 (misconduct) case rests on. */

export interface HandbookSection {
  id: number;
  /** As printed in the handbook: "4.2". */
  section: string;
  title: string;
  body: string;
  /** The handbook version this text first appeared in. */
  version: number;
  createdBy: string;
  createdAt: number;
}

export interface Incident {
  id: number;
  personId: string;
  /** The handbook section the incident breaks. */
  ruleId: number | null;
  occurredOn: string;
  description: string;
  /** The evidence held, as described by the person who recorded it. */
  evidence: string;
  reportedBy: string;
  createdAt: number;
}

export interface ConductRepo {
  /** Adds a section as a new handbook version (the previous version plus this section). */
  addSection(s: Pick<HandbookSection, 'section' | 'title' | 'body' | 'createdBy'>): HandbookSection;
  /** Every section, in the order they were added; the current text of a section number is its latest row. */
  sections(): HandbookSection[];
  section(id: number): HandbookSection | null;
  /** The current handbook version (0 when there is no handbook yet). */
  handbookVersion(): number;
  addIncident(i: Omit<Incident, 'id' | 'createdAt'>): Incident;
  incident(id: number): Incident | null;
  incidentsAbout(personId: string): Incident[];
}

/** The handbook and incidents, read only. The methods of `ConductRepo` that write; a read snapshot (`ReadTx`) leaves them out. Add each new writer here. */
export type ConductReader = Omit<ConductRepo, 'addSection' | 'addIncident'>;
