import { AmqplibInstrumentation } from '@opentelemetry/instrumentation-amqplib';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';

/** Probes and scrapes would be most of the traces and tell nothing. */
const UNTRACED_PATHS = ['/health/live', '/health/ready', '/metrics'];

/**
 * OpenTelemetry tracing (SPEC §7), on only when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans for
 * HTTP (in and out), Nest controllers, commands and consumers (libs/platform inSpan), SQL
 * (mysql2) and AMQP (amqplib), exported over OTLP/HTTP. Instrumentations patch modules as they
 * are loaded, so this runs before anything else is imported (first line of main.ts). Off,
 * nothing is started or patched: the code calls the API's no-op tracer, which is why it costs
 * nothing measurable (docs/benchmarks.md). Metrics and logs stay with Prometheus and stdout.
 */
function startTracing(env: NodeJS.ProcessEnv): void {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? 'servertree',
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) =>
          UNTRACED_PATHS.includes((request.url ?? '').split('?')[0]),
      }),
      new NestInstrumentation(),
      new MySQL2Instrumentation(),
      new AmqplibInstrumentation(),
    ],
  });
  sdk.start();
  // Sends the spans still buffered while Nest's own SIGTERM hook closes the app.
  process.once('SIGTERM', () => void sdk.shutdown());
}

startTracing(process.env);
