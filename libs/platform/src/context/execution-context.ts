import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who asked, and as part of which conversation. Set once at the edge (an HTTP request, a
 * consumed event) and read where events are stored, so commands need not carry it around.
 */
export interface ExecutionContext {
  readonly correlationId: string;
  readonly actor: string;
}

const storage = new AsyncLocalStorage<{ correlationId: string; actor: string }>();

export const ExecutionContexts = {
  run<T>(context: ExecutionContext, work: () => T): T {
    return storage.run({ ...context }, work);
  },

  /** Names the actor once authentication has told who it is (the context starts anonymous). */
  identify(actor: string): void {
    const context = storage.getStore();
    if (context) context.actor = actor;
  },

  /** Outside any edge (a startup task, a test) work is attributed to the system itself. */
  current(): ExecutionContext {
    return storage.getStore() ?? { correlationId: 'system', actor: 'system' };
  },
};
