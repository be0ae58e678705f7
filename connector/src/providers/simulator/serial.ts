// One task at a time: routing passes, scripted customers and customer API actions talk to the engine in order, so two
// of them never offer the same call at once. The engine's own calls into the simulator (perform, route, kick) never
// wait here; they only enqueue, so the engine can never deadlock on us.
export class SerialRunner {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Runs `task` after every task enqueued before it; the promise settles with the task's own result. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.settle(),
      (error: unknown) => {
        this.settle();
        this.onError(error);
      }
    );
    return result;
  }

  /** Enqueues without waiting; failures are reported through onError. */
  fire(task: () => Promise<void>): void {
    this.run(task).catch(() => undefined);
  }

  /** Resolves once nothing is queued or running, including tasks that queued further tasks. */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }

  private settle(): void {
    this.pending -= 1;
  }
}
