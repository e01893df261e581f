/**
 * A counting semaphore with a bounded queue. Password hashing goes through one,
 * so a flood of sign-ins cannot occupy every libuv thread that file reads need.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly maxWaiting: number,
  ) {}

  /**
   * Runs `task` when a slot is free; `null` without running it when the queue is
   * already full, so the caller can refuse instead of piling up.
   */
  async run<T>(task: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.active >= this.slots) {
      if (this.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return { value: await task() };
    } finally {
      // The slot passes straight to the next waiter, so `active` stays counted.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  /** Tasks running and waiting, for tests and logs. */
  load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}
