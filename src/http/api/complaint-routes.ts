/** API routes and pages of the complaint capability. */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../usecases/context.js';

export function complaintRoutes(_app: FastifyInstance, _ctx: Ctx): void {}
