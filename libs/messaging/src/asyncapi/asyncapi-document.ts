import { CLOUD_EVENT_CONTENT_TYPE } from '../outbox/cloud-event.mapper';
import type { EventContract } from '../contracts/event-contract';
import { CLOUD_EVENT_SCHEMA } from './cloud-event.schema';

/** AMQP binding objects, version 0.2.0 of the AsyncAPI AMQP bindings. */
const AMQP_BINDING_VERSION = '0.2.0';

/** AMQP application headers; tracing tools read the trace context here without parsing the body. */
const MESSAGE_HEADERS_SCHEMA = {
  type: 'object',
  properties: {
    traceparent: {
      type: 'string',
      description:
        'W3C trace context of the write behind the event; the same value as the CloudEvent ' +
        'attribute `traceparent`. Absent on events stored before traces were recorded.',
    },
  },
};

/**
 * The AsyncAPI 2.6 description of everything the service publishes: one channel per routing
 * key on the topic exchange, one message per event type (the CloudEvent envelope with that
 * `type` and its own `data` schema). Written from the event catalog, never by hand.
 */
export function asyncApiDocument(contracts: readonly EventContract[], exchange: string): object {
  const channels: Record<string, object> = {};
  const messages: Record<string, object> = {};
  const schemas: Record<string, object> = {
    CloudEvent: CLOUD_EVENT_SCHEMA,
    MessageHeaders: MESSAGE_HEADERS_SCHEMA,
  };

  for (const { event, type, summary, dataSchema } of contracts) {
    const name = event.name;
    channels[type] = {
      description: summary,
      bindings: {
        amqp: {
          is: 'routingKey',
          exchange: { name: exchange, type: 'topic', durable: true, autoDelete: false, vhost: '/' },
          bindingVersion: AMQP_BINDING_VERSION,
        },
      },
      subscribe: {
        operationId: `on${name}`,
        summary,
        message: { $ref: `#/components/messages/${name}` },
      },
    };
    messages[name] = {
      messageId: name,
      name: type,
      title: name,
      summary,
      contentType: CLOUD_EVENT_CONTENT_TYPE,
      headers: { $ref: '#/components/schemas/MessageHeaders' },
      payload: {
        allOf: [
          { $ref: '#/components/schemas/CloudEvent' },
          {
            type: 'object',
            properties: {
              type: { const: type },
              data: { $ref: `#/components/schemas/${name}Data` },
            },
          },
        ],
      },
      bindings: {
        amqp: { deliveryMode: 2, bindingVersion: AMQP_BINDING_VERSION },
      },
    };
    schemas[`${name}Data`] = dataSchema;
  }

  return {
    asyncapi: '2.6.0',
    info: {
      title: 'ServerTree domain events',
      version: '1',
      description:
        `Every change to a server or an application, published on the topic exchange \`${exchange}\` ` +
        'with the event type as routing key: persistent messages, AMQP message-id = event id, body a ' +
        'CloudEvents 1.0 structured event. Delivery is at least once (dedupe on `id`) and, per ' +
        'aggregate, in revision order.',
    },
    defaultContentType: CLOUD_EVENT_CONTENT_TYPE,
    channels,
    components: { messages, schemas },
  };
}
