// Types of scripts/pg-cluster.mjs for the TypeScript tests that start clusters of their own.
export interface Cluster {
  url: string;
  port: number;
  dir: string;
  stop(): void;
}
export interface Replica {
  url(database: string): string;
  port: number;
  dir: string;
  stop(): void;
  pause(): void;
  resume(): void;
}
export function findPgBin(): string | null;
export function freePort(): Promise<number>;
export function startCluster(opts?: { database?: string }): Promise<Cluster>;
export function startReplica(primary: { port: number }): Promise<Replica>;
