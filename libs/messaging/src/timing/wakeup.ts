interface Waiter {
  wakeable: boolean;
  finish: () => void;
}

/**
 * A sleep that another party can cut short. The outbox relay sleeps between
 * polls and a pg NOTIFY wakes it; a wake that arrives while it is busy is kept,
 * so the next wait returns at once instead of missing the new rows.
 */
export class Wakeup {
  private pending = false;
  private waiter: Waiter | undefined;

  wake(): void {
    this.pending = true;
    if (this.waiter?.wakeable) this.waiter.finish();
  }

  /** Ends the current wait whatever it is waiting for: used to stop promptly. */
  interrupt(): void {
    this.waiter?.finish();
  }

  /**
   * Waits up to `ms`. With `wakeable: false` only the timer (or interrupt) ends
   * it: a relay backing off from a broker outage must not be hurried by every insert.
   */
  wait(ms: number, wakeable = true): Promise<void> {
    if (wakeable && this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(), ms);
      const finish = (): void => {
        clearTimeout(timer);
        this.waiter = undefined;
        if (wakeable) this.pending = false;
        resolve();
      };
      this.waiter = { wakeable, finish };
    });
  }
}
