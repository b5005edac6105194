/**
 * The scope of survey data an officer may take away (raw responses as XLSX, the printable report):
 * their own office, a period and optionally a service, for the roles that read SKM data only.
 */
import type { StoredOffice } from '../../db/standards-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { findIkmScope, type IkmScope, type PeriodQuery } from './find-ikm-scope.js';
import { canReadSurveys } from './survey-roles.js';

/** The role first, then the period and service within the officer's own office. */
export function findSurveyDataScope(ctx: Ctx, actor: Actor, office: StoredOffice, q: PeriodQuery): Outcome<IkmScope> {
  if (!canReadSurveys(actor)) return failWith('forbidden', 'role-required', 'Peran Anda tidak dapat membuka data SKM', 'Your role cannot open SKM data');
  return findIkmScope(ctx, office.office.slug, q);
}
