/** Session and API tokens are stored only as their SHA-256, so a copy of the database signs nobody in. */
import { createHash } from 'node:crypto';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
