/** Repository for the evidence area; grown by that feature. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EvidenceRepo {}
