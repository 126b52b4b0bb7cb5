export const kpiSubjectId = (jobId: string, version: number): string => `${jobId}@${version}`;
