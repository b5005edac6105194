/** Private keys at rest: AES-256-GCM under a key-encryption key kept in a file readable by the service user only. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE } from './private-files.js';

const KEY_BYTES = 32;

/**
 * The 32-byte key in `path`, created (random, mode 0600) on first use. Two processes creating it
 * at once cannot both win: the file is opened with O_EXCL and the loser reads the winner's key.
 */
export function readOrCreateKeyFile(path: string): Buffer {
  if (!existsSync(path)) {
    ensurePrivateDir(dirname(path));
    const key = randomBytes(KEY_BYTES);
    try {
      const fd = openSync(path, 'wx', PRIVATE_FILE);
      try {
        writeSync(fd, key.toString('base64') + '\n');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${path} does not hold a ${KEY_BYTES}-byte base64 key`);
  return key;
}

/**
 * Seals a secret (a private key's PEM) as `v1.<iv>.<tag>.<ciphertext>` (base64url). `bound` (the
 * certificate's serial) is authenticated with it, so a sealed key copied onto another row will not open.
 */
export function seal(kek: Buffer, plain: string, bound: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(Buffer.from(bound, 'utf8'));
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** Opens what `seal` wrote; throws when the key, the binding or the bytes differ. */
export function unseal(kek: Buffer, sealed: string, bound: string): string {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not a sealed key');
  const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(iv, 'base64url'));
  d.setAAD(Buffer.from(bound, 'utf8'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
}
