// The role matrix's expectation, in one place: which role may use which staff route.
/**
 * What a role may do, for the invariants the run enforces: `true` = must be let through (not
 * refused), `false` = must be refused, `null` = no expectation (reported only). The permission
 * table (src/domain/staff/permissions.ts, imported from the build with `run.module`) will answer
 * this in full; until then it says what is true today: nobody without a valid session gets in,
 * the read-only role never acts. `route` is "METHOD /path" as the role matrix names it (API paths with {param}, pages with
 * :param); `role` a role id, or '(anonymous)' / '(revoked token)'.
 */
export function expectedAllowed(route, role) {
  if (role === '(anonymous)' || role === '(revoked token)') return false;
  const write = !route.startsWith('GET ');
  if (write && role === 'auditor') return false;
  return null;
}

