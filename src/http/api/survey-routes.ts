/** API routes and pages of the survey capability. */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../usecases/context.js';

export function surveyRoutes(_app: FastifyInstance, _ctx: Ctx): void {}
