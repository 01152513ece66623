/** The OpenAPI 3.1 document, built from the schemas the routes were registered with (so it cannot drift from them). */
import type { FastifyInstance, RouteOptions } from 'fastify';

declare module 'fastify' {
  /** What a route tells the OpenAPI document beyond its validation schemas. */
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: string[];
    /** Media types of a 200 answer (default application/json). */
    produces?: string[];
    /** Needs the bearer token. */
    security?: boolean;
  }
}

interface RouteSchema {
  summary?: string;
  description?: string;
  tags?: string[];
  querystring?: { properties?: Record<string, Record<string, unknown>>; required?: readonly string[] };
  params?: { properties?: Record<string, Record<string, unknown>>; required?: readonly string[] };
  produces?: string[];
  security?: boolean;
}

interface Operation {
  method: string;
  url: string;
  schema: RouteSchema;
}

/** Records every /api route as it is registered, and serves the document at /api/openapi.json. */
export function addOpenApi(app: FastifyInstance, info: { version: string }): void {
  const operations: Operation[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const schema = (route.schema ?? {}) as RouteSchema;
    for (const method of methods) if (method !== 'HEAD') operations.push({ method: method.toLowerCase(), url: route.url, schema });
  });
  let document: unknown = null;
  app.get('/api/openapi.json', { schema: { summary: 'This document', tags: ['meta'] } }, async () => {
    document ??= buildDocument(operations, info.version);
    return document;
  });
}

function buildDocument(operations: readonly Operation[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const url = op.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters = [
      ...toParameters(op.schema.params, 'path'),
      ...toParameters(op.schema.querystring, 'query'),
    ];
    const produces = op.schema.produces ?? ['application/json'];
    (paths[url] ??= {})[op.method] = {
      summary: op.schema.summary ?? '',
      ...(op.schema.description ? { description: op.schema.description } : {}),
      tags: op.schema.tags ?? [],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.schema.security ? { security: [{ bearer: [] }] } : {}),
      responses: {
        '200': { description: 'OK', content: Object.fromEntries(produces.map((type) => [type, {}])) },
        ...(op.method === 'get' ? { '304': { description: 'Not modified (If-None-Match matched the ETag)' } } : {}),
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Watchfloor API',
      version,
      description: 'News-intelligence desk: search, articles with their analysis, entities, events, transfers and exports.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the WATCHFLOOR_TOKEN the server started with' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  };
}

function toParameters(schema: RouteSchema['querystring'], where: 'query' | 'path'): unknown[] {
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}
