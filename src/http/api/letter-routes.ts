/** API routes and pages of the letter capability. */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../usecases/context.js';

export function letterRoutes(_app: FastifyInstance, _ctx: Ctx): void {}
