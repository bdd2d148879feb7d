/** Runs a task one at a time; a call while it runs makes it run once more afterwards, and shares that promise. */
export class Coalescer {
  private active: Promise<void> | undefined;
  private again = false;

  /** `keepGoing` says whether a requested re-run should still happen (e.g. not after a failure). */
  constructor(
    private readonly task: () => Promise<void>,
    private readonly keepGoing: () => boolean = () => true,
  ) {}

  get running(): Promise<void> | undefined {
    return this.active;
  }

  run(): Promise<void> {
    if (this.active) {
      this.again = true;
      return this.active;
    }
    this.active = (async () => {
      try {
        do {
          this.again = false;
          await this.task();
        } while (this.again && this.keepGoing());
      } finally {
        this.active = undefined;
      }
    })();
    return this.active;
  }
}
