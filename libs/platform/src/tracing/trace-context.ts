import { randomBytes } from 'node:crypto';
import {
  Context,
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanContext,
  trace,
  TraceFlags,
} from '@opentelemetry/api';

/** W3C Trace Context `traceparent`, version 00: `00-<trace id>-<parent span id>-<flags>`. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The W3C trace context a piece of work belongs to, as the `traceparent` text that travels in
 * headers, outbox rows and CloudEvents. Written by hand rather than through OpenTelemetry's
 * propagator because it must work when tracing is off (no SDK, no registered propagator): a
 * write's events carry its trace id either way (SPEC §7).
 */
export const TraceContexts = {
  /** The span context a `traceparent` names, or undefined when it is malformed or all zeros. */
  parse(traceparent: unknown): SpanContext | undefined {
    if (typeof traceparent !== 'string') return undefined;
    const match = TRACEPARENT.exec(traceparent.trim().toLowerCase());
    if (!match) return undefined;
    const spanContext: SpanContext = {
      traceId: match[1],
      spanId: match[2],
      traceFlags: parseInt(match[3], 16) & TraceFlags.SAMPLED,
      isRemote: true,
    };
    return isSpanContextValid(spanContext) ? spanContext : undefined;
  },

  format(spanContext: SpanContext): string {
    const flags = (spanContext.traceFlags & TraceFlags.SAMPLED).toString(16).padStart(2, '0');
    return `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
  },

  /** The active span's context when a span is active (tracing on, or a continued trace). */
  active(): string | undefined {
    const spanContext = trace.getActiveSpan()?.spanContext();
    return spanContext && isSpanContextValid(spanContext)
      ? TraceContexts.format(spanContext)
      : undefined;
  },

  /**
   * The trace a request joins: the span tracing started for it, else the caller's valid
   * `traceparent`, else a new unsampled trace, so that its log lines and events still share
   * one trace id with nothing exported.
   */
  forRequest(header: unknown): string {
    const given = TraceContexts.parse(header);
    return (
      TraceContexts.active() ??
      (given ? TraceContexts.format(given) : TraceContexts.format(TraceContexts.newRoot()))
    );
  },

  newRoot(): SpanContext {
    return {
      traceId: randomBytes(16).toString('hex'),
      spanId: randomBytes(8).toString('hex'),
      traceFlags: TraceFlags.NONE,
    };
  },

  traceIdOf(traceparent: string | undefined): string | undefined {
    return TraceContexts.parse(traceparent)?.traceId;
  },

  /**
   * An OpenTelemetry context whose parent is the given trace, for work that continues it
   * (publishing a stored event, consuming one). Spans started in it are children of that
   * trace; with tracing off the no-op tracer hands the parent on, so the trace id survives.
   */
  continuing(traceparent: string | undefined, base: Context = ROOT_CONTEXT): Context {
    const parent = TraceContexts.parse(traceparent);
    return parent ? trace.setSpanContext(base, parent) : base;
  },
};
