import type { OpenAPIObject } from '@nestjs/swagger';
import Fastify from 'fastify';
import { serialiseAnswersAsDocumented } from './documented-serializers';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });

const DOCUMENT = {
  openapi: '3.0.0',
  info: { title: 'things', version: '1' },
  paths: {
    '/things/{id}': {
      get: { responses: { 200: json({ $ref: '#/components/schemas/Thing' }) } },
      put: {
        responses: {
          201: json({ $ref: '#/components/schemas/Thing' }),
          404: json({ $ref: '#/components/schemas/Problem' }),
        },
      },
    },
    '/events': {
      get: { responses: { 200: json({ $ref: '#/components/schemas/Event' }) } },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          size: { type: 'number', nullable: true },
          tags: { type: 'array', items: { type: 'string' } },
          part: { allOf: [{ $ref: '#/components/schemas/Part' }], description: 'Its part' },
        },
        required: ['id', 'size', 'tags', 'part'],
      },
      Part: { type: 'object', properties: { name: { type: 'string' } } },
      Problem: { type: 'object', properties: { status: { type: 'number' } } },
      Event: {
        type: 'object',
        properties: { type: { type: 'string' }, data: { type: 'object' } },
      },
    },
  },
} as unknown as OpenAPIObject;

describe('Answers serialised with the schemas the OpenAPI document declares', () => {
  const fastify = Fastify();
  const thing = {
    size: null,
    id: 'a',
    secret: 'not documented',
    tags: ['x'],
    part: { name: 'p', extra: 1 },
  };

  beforeAll(async () => {
    serialiseAnswersAsDocumented(fastify, DOCUMENT);
    fastify.get('/things/:id', async () => thing);
    fastify.put('/things/:id', async (request, reply) =>
      (request.body as { missing?: boolean }).missing
        ? reply.code(404).send({ status: 404, detail: 'kept' })
        : reply.code(201).send({ id: 'b', tags: [], part: { name: 'q' } }),
    );
    fastify.get('/events', async () => ({ type: 't', data: { any: 'shape' } }));
    await fastify.ready();
  });

  afterAll(() => fastify.close());

  it('writes the documented fields, in the document order, nulls included, nothing else', async () => {
    const response = await fastify.inject({ method: 'GET', url: '/things/a' });
    expect(response.body).toBe('{"id":"a","size":null,"tags":["x"],"part":{"name":"p"}}');
  });

  it('serialises each documented success status, and leaves a missing field out', async () => {
    const response = await fastify.inject({ method: 'PUT', url: '/things/b', payload: {} });
    expect(response.statusCode).toBe(201);
    expect(response.body).toBe('{"id":"b","tags":[],"part":{"name":"q"}}');
  });

  it('leaves problems to JSON.stringify', async () => {
    const response = await fastify.inject({
      method: 'PUT',
      url: '/things/b',
      payload: { missing: true },
    });
    expect(response.json()).toEqual({ status: 404, detail: 'kept' });
  });

  it('leaves an answer with an open part (an object without properties) to JSON.stringify', async () => {
    const response = await fastify.inject({ method: 'GET', url: '/events' });
    expect(response.json()).toEqual({ type: 't', data: { any: 'shape' } });
  });
});
