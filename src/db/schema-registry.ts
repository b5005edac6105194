/** Table types of the registry capability, merged into DB in schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RegistryTables {}
