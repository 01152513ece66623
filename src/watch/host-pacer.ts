/** Per-host pacing: requests to one host start at least `intervalMs` apart; other hosts are not held up. */

export class HostPacer {
  readonly #next = new Map<string, number>();
  readonly #intervalMs: number;
  readonly #extra = new Map<string, number>();

  constructor(intervalMs: number) {
    this.#intervalMs = intervalMs;
  }

  /** Raises one host's interval (robots.txt Crawl-delay), never lowers it below the configured one. */
  setHostInterval(host: string, intervalMs: number): void {
    this.#extra.set(host, Math.max(this.#intervalMs, intervalMs));
  }

  /** Waits until this host may be asked again, and books the following slot. */
  async wait(host: string): Promise<void> {
    const interval = this.#extra.get(host) ?? this.#intervalMs;
    const now = Date.now();
    const at = Math.max(now, this.#next.get(host) ?? 0);
    this.#next.set(host, at + interval);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}
