/**
 * TRANSITIONAL (issue 10, removed when every route has a zod schema): compiles zod schemas with
 * fastify-type-provider-zod and the remaining JSON Schema literals with Fastify's own compilers,
 * so routes can move to zod one capability at a time.
 */
import AjvCompiler from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { $ZodType } from 'zod/v4/core';

type Anyfn = (...a: unknown[]) => unknown;
const isZod = (s: unknown) => s instanceof $ZodType || (!!s && typeof s === 'object' && 'properties' in s && (s as { properties: unknown }).properties instanceof $ZodType);

/** Typed loosely on purpose: this shim lives only until every route is on zod. */
export const compilersFactory: { buildValidator: never; buildSerializer: never } = {
  buildValidator: ((external: unknown, options: unknown) => {
    const ajv = (AjvCompiler as () => Anyfn)()(external, options) as FastifySchemaCompiler<unknown>;
    return ((route: Parameters<FastifySchemaCompiler<unknown>>[0]) =>
      isZod(route.schema) ? (validatorCompiler as unknown as FastifySchemaCompiler<unknown>)(route) : ajv(route)) as FastifySchemaCompiler<unknown>;
  }) as never,
  buildSerializer: ((external: unknown, options: unknown) => {
    const fjs = (SerializerSelector as () => Anyfn)()(external, options) as FastifySerializerCompiler<unknown>;
    return ((route: Parameters<FastifySerializerCompiler<unknown>>[0]) =>
      isZod(route.schema) ? (serializerCompiler as unknown as FastifySerializerCompiler<unknown>)(route) : fjs(route)) as FastifySerializerCompiler<unknown>;
  }) as never,
};

/** The OpenAPI transform: zod schemas are converted, JSON Schema literals pass as they are. */
export const swaggerTransform: typeof jsonSchemaTransform = (doc) => {
  const s = doc.schema as Record<string, unknown> | undefined;
  if (!s) return jsonSchemaTransform(doc);
  const parts = [s.body, s.querystring, s.params, s.headers, ...Object.values((s.response ?? {}) as Record<string, unknown>)];
  if (parts.some(isZod) || s.hide) return jsonSchemaTransform(doc);
  return { schema: s, url: doc.url } as ReturnType<typeof jsonSchemaTransform>;
};
