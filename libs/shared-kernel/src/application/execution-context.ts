import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who asked, and as part of which conversation. Set once at the edge (an HTTP request, a
 * consumed event) and read where events are stored, so commands need not carry it around.
 */
export interface ExecutionContext {
  readonly correlationId: string;
  readonly actor: string;
}

const storage = new AsyncLocalStorage<ExecutionContext>();

export const ExecutionContexts = {
  run<T>(context: ExecutionContext, work: () => T): T {
    return storage.run(context, work);
  },

  /** Outside any edge (a startup task, a test) work is attributed to the system itself. */
  current(): ExecutionContext {
    return storage.getStore() ?? { correlationId: 'system', actor: 'system' };
  },
};
