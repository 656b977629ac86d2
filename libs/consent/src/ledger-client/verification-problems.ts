/** Every verifier reports at most this many problems: one broken ledger must not flood a report. */
export const MAX_PROBLEMS = 100;

/** Collects problems up to the same cap as verifyLedgerDatabase; the last line then counts the rest. */
export class VerificationProblems {
  private readonly list: string[] = [];
  private dropped = 0;

  readonly add = (problem: string): void => {
    if (this.list.length < MAX_PROBLEMS) this.list.push(problem);
    else this.dropped += 1;
  };

  get count(): number {
    return this.list.length + this.dropped;
  }

  toArray(): string[] {
    if (this.dropped === 0) return [...this.list];
    return [...this.list.slice(0, MAX_PROBLEMS - 1), `… and ${this.dropped + 1} more problems`];
  }
}
