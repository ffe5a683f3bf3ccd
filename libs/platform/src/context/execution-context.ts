import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who asked, and as part of which conversation. Set once at the edge (an HTTP request, a
 * consumed event) and read where events are stored and lines are logged, so commands need not
 * carry it around.
 */
export interface ExecutionContext {
  readonly correlationId: string;
  readonly actor: string;
  /** The W3C trace context the work belongs to (`traceparent`), when it belongs to one. */
  readonly traceparent?: string;
}

type MutableExecutionContext = { -readonly [K in keyof ExecutionContext]: ExecutionContext[K] };

const storage = new AsyncLocalStorage<MutableExecutionContext>();

const SYSTEM: ExecutionContext = { correlationId: 'system', actor: 'system' };

export const ExecutionContexts = {
  run<T>(context: ExecutionContext, work: () => T): T {
    return storage.run({ ...context }, work);
  },

  /** Names the actor once authentication has told who it is (the context starts anonymous). */
  identify(actor: string): void {
    const context = storage.getStore();
    if (context) context.actor = actor;
  },

  /**
   * Outside any edge (a startup task, a test) work is attributed to the system itself. The
   * answer is live: a later `identify` shows in it.
   */
  current(): ExecutionContext {
    return storage.getStore() ?? SYSTEM;
  },

  /** Whether some edge opened a context: only then do log lines carry a request id. */
  isOpen(): boolean {
    return storage.getStore() !== undefined;
  },
};
