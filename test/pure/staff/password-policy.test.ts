// The password policy without a database: length first, then zxcvbn's estimate against common, English and Indonesian words and the person's own name and office; both languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, passwordProblem } from '../../../src/domain/staff/password-policy.js';

const RINA = ['rina.marlina@kota-jambi', 'Rina Marlina, S.Sos', 'kota-jambi'];

describe('the password policy', () => {
  it('refuses a short password by its length, saying how long it is, in both languages', () => {
    const p = passwordProblem('Jambi2026!', RINA);
    assert.equal(p?.code, 'password-too-short');
    assert.equal(p?.field, 'password');
    assert.match(p!.message, new RegExp(`minimal ${MIN_PASSWORD_LENGTH} karakter \\(sekarang 10\\)`));
    assert.match(p!.messageEn, new RegExp(`at least ${MIN_PASSWORD_LENGTH} characters \\(it has 10\\)`));
  });

  it('refuses long but guessable passwords: common ones, Indonesian words, keyboard runs, the person’s own name', () => {
    for (const weak of ['Password12345', 'rahasia123456', 'qwertyuiop123', 'rinamarlina2026', 'kotajambi2026!', 'bismillah12345'])
      assert.equal(passwordProblem(weak, RINA)?.code, 'password-weak', weak);
    const p = passwordProblem('rahasia123456', RINA)!;
    assert.match(p.message, new RegExp(`minimal ${MIN_PASSWORD_SCORE}\\)`));
    assert.match(p.messageEn, /too easy to guess/);
  });

  it('accepts several unrelated words, or a long random string', () => {
    for (const strong of ['Kopi-Pagi-Batanghari-71', 'Gerimis-Senja-Tanjung-Johor-8', 'Tr7#kq9Lm2vX!w'])
      assert.equal(passwordProblem(strong, RINA), null, strong);
  });

  it('names the field the problem belongs to (the account page’s reset form uses the same field)', () => {
    assert.equal(passwordProblem('pendek', [], 'newPassword')?.field, 'newPassword');
  });
});
