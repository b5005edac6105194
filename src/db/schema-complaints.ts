/** Table types of the complaints capability, merged into DB in schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ComplaintsSurveysTables {}
