/**
 * Evaluates eligibility / applicability rules with three-valued logic: a fact nobody knows yet
 * (no registry loaded, a question unanswered) makes a rule *unknown*, never silently true.
 */
import type { Rule } from './schema.js';

export type Verdict = 'pass' | 'fail' | 'unknown';
export type Facts = Record<string, unknown>;

function lookup(facts: Facts, path: string): unknown {
  if (path in facts) return facts[path];
  return undefined;
}

function compare(op: string, actual: unknown, expected: unknown): Verdict {
  if (op === 'exists') return actual === undefined || actual === null || actual === '' ? 'fail' : 'pass';
  if (actual === undefined || actual === null || actual === '') return 'unknown';
  const yes = (b: boolean): Verdict => (b ? 'pass' : 'fail');
  switch (op) {
    case 'eq':
      return yes(actual === expected);
    case 'ne':
      return yes(actual !== expected);
    case 'gt':
      return yes(Number(actual) > Number(expected));
    case 'gte':
      return yes(Number(actual) >= Number(expected));
    case 'lt':
      return yes(Number(actual) < Number(expected));
    case 'lte':
      return yes(Number(actual) <= Number(expected));
    case 'in':
      return yes(Array.isArray(expected) && expected.includes(actual));
    case 'not-in':
      return yes(Array.isArray(expected) && !expected.includes(actual));
    case 'is-true':
      return yes(actual === true || actual === 'true' || actual === 1);
    case 'is-false':
      return yes(actual === false || actual === 'false' || actual === 0);
    default:
      return 'unknown';
  }
}

export function evaluateRule(rule: Rule, facts: Facts): Verdict {
  if ('all' in rule) {
    const v = rule.all.map((r) => evaluateRule(r, facts));
    return v.includes('fail') ? 'fail' : v.includes('unknown') ? 'unknown' : 'pass';
  }
  if ('any' in rule) {
    const v = rule.any.map((r) => evaluateRule(r, facts));
    return v.includes('pass') ? 'pass' : v.includes('unknown') ? 'unknown' : 'fail';
  }
  if ('not' in rule) {
    const v = evaluateRule(rule.not, facts);
    return v === 'pass' ? 'fail' : v === 'fail' ? 'pass' : 'unknown';
  }
  return compare(rule.op, lookup(facts, rule.fact), rule.value);
}
