/** A promise-based lock for one process: callers queue and run one at a time, in order. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves when the caller holds the lock; call the returned function to let the next in. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }
}
