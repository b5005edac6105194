/**
 * Screening a candidate against a programme category: what the registry and the age on the
 * reference date can decide now, and what is left to the field verifier. Three-valued (a fact
 * nobody knows makes a check unknown, never a pass). Group composition checks (KUBE, RST) answer
 * with the rule's own wording. Pure.
 */
import type { Problem } from '../errors.js';
import { ageOn } from '../identity/nik.js';
import { evaluateRule, type Facts } from '../standards/rules.js';
import type { AgeBand, Category, Condition, GroupRules, Programme } from './schema.js';

export type CheckVerdict = 'pass' | 'fail' | 'unknown' | 'to-verify';
export interface Check {
  id: string;
  text: string;
  verdict: CheckVerdict;
  exclusion: boolean;
}
export type Screening = 'eligible' | 'ineligible' | 'unknown';

export interface ScreenedPerson {
  birthDate: string | null;
  sex: 'L' | 'P' | null;
}

/** Within an age band on a date: whole years, both bounds inclusive (55 holds until the 56th birthday). */
export function ageVerdict(band: AgeBand, birthDate: string | null, onDate: string): 'pass' | 'fail' | 'unknown' {
  const age = birthDate ? ageOn(birthDate, onDate) : null;
  if (age === null) return 'unknown';
  if (band.min !== null && age < band.min) return 'fail';
  if (band.max !== null && age > band.max) return 'fail';
  return 'pass';
}

function conditionCheck(c: Condition, facts: Facts): Check {
  const verdict: CheckVerdict = c.check === 'verification' || !c.rule ? 'to-verify' : evaluateRule(c.rule, facts);
  return { id: c.id, text: c.text, verdict, exclusion: c.exclusion };
}

export function findCategory(p: Programme, key: string): Category | undefined {
  return p.categories.find((c) => c.key === key);
}

/** Every check of a category for one person: the programme's conditions, then the category's own. */
export function screen(p: Programme, category: Category, person: ScreenedPerson, facts: Facts, referenceDate: string): { result: Screening; checks: Check[] } {
  const checks: Check[] = p.conditions.map((c) => conditionCheck(c, facts));
  if (category.age) checks.push({ id: 'usia', text: category.age.text, verdict: ageVerdict(category.age, person.birthDate, referenceDate), exclusion: false });
  if (category.sex) checks.push({ id: 'jenis-kelamin', text: category.age?.text ?? category.name, verdict: person.sex === null ? 'unknown' : person.sex === category.sex ? 'pass' : 'fail', exclusion: false });
  checks.push(...category.conditions.map((c) => conditionCheck(c, facts)));
  const result: Screening = checks.some((c) => c.verdict === 'fail') ? 'ineligible' : checks.some((c) => c.verdict === 'unknown') ? 'unknown' : 'eligible';
  return { result, checks };
}

export interface GroupMember {
  name: string;
  birthDate: string | null;
  role?: 'ketua' | 'sekretaris' | 'bendahara' | null;
}

/** A group against its programme's composition rules on the reference date (the proposal date). */
export function checkGroup(rules: GroupRules, members: readonly GroupMember[], onDate: string): Problem[] {
  const problems: Problem[] = [];
  if (members.length < rules.size.min || members.length > rules.size.max)
    problems.push({
      code: 'group-size',
      field: 'members',
      message: `Kelompok beranggotakan ${members.length}; ketentuan: "${rules.size.text}"`,
      messageEn: `The group has ${members.length} members; the rule: "${rules.size.text}" (${rules.size.min === rules.size.max ? `exactly ${rules.size.min}` : `${rules.size.min}–${rules.size.max}`})`,
    });
  if (rules.age)
    members.forEach((m, i) => {
      const v = ageVerdict(rules.age!, m.birthDate, onDate);
      if (v !== 'pass')
        problems.push({
          code: v === 'fail' ? 'group-member-age' : 'group-member-age-unknown',
          field: `members.${i}.birthDate`,
          message: `${m.name}: ${v === 'fail' ? `berusia ${ageOn(m.birthDate!, onDate)} tahun pada ${onDate}` : 'tanggal lahir tidak diketahui'}; ketentuan: "${rules.age!.text}"`,
          messageEn: `${m.name}: ${v === 'fail' ? `aged ${ageOn(m.birthDate!, onDate)} on ${onDate}` : 'date of birth unknown'}; the rule: "${rules.age!.text}"`,
        });
    });
  for (const role of rules.officers) {
    const n = members.filter((m) => m.role === role).length;
    if (n !== 1)
      problems.push({
        code: 'group-officer',
        field: 'members',
        message: `Kelompok ${n === 0 ? 'tanpa' : 'dengan lebih dari satu'} ${role}; ketentuan: "${rules.officersText}"`,
        messageEn: `The group has ${n === 0 ? 'no' : 'more than one'} ${role}; the rule: "${rules.officersText}"`,
      });
  }
  return problems;
}
