/** API routes and pages of the registry capability. */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../usecases/context.js';

export function registryRoutes(_app: FastifyInstance, _ctx: Ctx): void {}
