/**
 * A reading that is costly to take (a broker round trip) taken at most once
 * per `maxAgeMs`, however often Prometheus (or several of them) scrapes:
 * callers within the window share the last reading, and callers while one is
 * being taken share that one. A failed reading is not kept, so the next
 * caller tries again.
 */
export class RefreshedAtMostEvery<T> {
  private last: { value: T; at: number } | undefined;
  private inFlight: Promise<T> | undefined;

  constructor(
    private readonly maxAgeMs: number,
    private readonly read: () => Promise<T>,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    if (this.last && this.now() - this.last.at < this.maxAgeMs) return Promise.resolve(this.last.value);
    this.inFlight ??= this.read().then(
      (value) => {
        this.last = { value, at: this.now() };
        this.inFlight = undefined;
        return value;
      },
      (error: unknown) => {
        this.inFlight = undefined;
        throw error;
      },
    );
    return this.inFlight;
  }
}
