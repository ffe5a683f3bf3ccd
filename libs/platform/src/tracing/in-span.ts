import { context, Context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/** Resolves to the SDK's tracer once tracing is started (apps/api/src/tracing.ts), else no-op. */
const tracer = trace.getTracer('servertree');

/**
 * Runs `work` in a new active span named `name`, ended when the work settles and marked as an
 * error when it throws. With tracing off the tracer is a no-op that still hands a parent trace
 * on, so code below reads the same trace id either way.
 */
export function inSpan<T>(
  name: string,
  work: () => Promise<T>,
  options: { kind?: SpanKind; parent?: Context } = {},
): Promise<T> {
  return tracer.startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL },
    options.parent ?? context.active(),
    async (span) => {
      try {
        return await work();
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
