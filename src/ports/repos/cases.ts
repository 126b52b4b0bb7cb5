/** Repository for the cases area; grown by that feature. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CaseRepo {}
