/** `sigap registry ...` commands. Returns an exit code, or null when the command is not ours. */
import type { Config } from '../config.js';

export async function registryCommand(_argv: string[], _config: Config): Promise<number | null> {
  return null;
}
