/**
 * Start-up timing: milliseconds spent in each step of `startPortal`, and since the process began
 * (which includes loading the code), so a slow start can be pinned on its step.
 */
export class StartupPhases {
  readonly #ms: Record<string, number> = {};
  #last = performance.now();

  /** Closes the current step under `name`. */
  lap(name: string): void {
    const now = performance.now();
    this.#ms[name] = Math.round(now - this.#last);
    this.#last = now;
  }

  /** `sinceProcessStartMs` counts from the process's own start (performance.now() is relative to it). */
  summary(): { phasesMs: Record<string, number>; sinceProcessStartMs: number } {
    return { phasesMs: { ...this.#ms }, sinceProcessStartMs: Math.round(performance.now()) };
  }
}
