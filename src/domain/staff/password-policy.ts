/**
 * The password policy for staff accounts: at least MIN_PASSWORD_LENGTH characters and a zxcvbn
 * strength score of at least MIN_PASSWORD_SCORE (of 4), estimated against common passwords,
 * English and Indonesian words and keyboard patterns, and the account's own name and office.
 * Applied when an account is created and when a password is reset; not to the demo accounts'
 * published demo password (demo mode is for trying Sigap, never for real data).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as id from '@zxcvbn-ts/language-id';
import type { Problem } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MIN_PASSWORD_SCORE = 3;
export const MAX_PASSWORD_LENGTH = 200;

// Built once: the dictionaries are immutable data of the installed packages.
const estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...id.dictionary }, graphs: common.adjacencyGraphs, useLevenshteinDistance: true });

/** The problem with a proposed password (beside the field `field`), or null when it may be used. */
export function passwordProblem(password: string, personal: string[] = [], field = 'password'): Problem | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return {
      code: 'password-too-short',
      message: `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter (sekarang ${password.length}). Gunakan beberapa kata yang tidak berhubungan, misalnya empat kata acak.`,
      messageEn: `The password needs at least ${MIN_PASSWORD_LENGTH} characters (it has ${password.length}). Use several unrelated words, e.g. four random words.`,
      field,
    };
  if (password.length > MAX_PASSWORD_LENGTH)
    return { code: 'password-too-long', message: `Kata sandi paling panjang ${MAX_PASSWORD_LENGTH} karakter`, messageEn: `The password may have at most ${MAX_PASSWORD_LENGTH} characters`, field };
  // Each word of the name, username and office, and each run together ("rinamarlina").
  const inputs = personal.flatMap((p) => [...p.toLowerCase().split(/[^a-z0-9]+/), p.toLowerCase().replace(/[^a-z0-9]+/g, '')]).filter((w) => w.length >= 3);
  const { score } = estimator.check(password, inputs);
  if (score < MIN_PASSWORD_SCORE)
    return {
      code: 'password-weak',
      message: `Kata sandi terlalu mudah ditebak (kekuatan ${score} dari 4, minimal ${MIN_PASSWORD_SCORE}): hindari kata umum, nama, nama kantor, tanggal, dan pola papan ketik seperti "qwerty" atau "123". Gunakan beberapa kata acak.`,
      messageEn: `The password is too easy to guess (strength ${score} of 4, at least ${MIN_PASSWORD_SCORE} needed): avoid common words, names, the office's name, dates and keyboard patterns such as "qwerty" or "123". Use several random words.`,
      field,
    };
  return null;
}
