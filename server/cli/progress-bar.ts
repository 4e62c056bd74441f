/**
 * A progress display for long commands, written to stderr (stdout stays for results):
 * on a terminal one line redrawn in place — bar, done/total, percentage, rate and ETA — at most
 * ten times a second; otherwise (a log file, CI) one plain line per 10 %.
 */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

export interface ProgressBarOptions {
  label: string;
  /** Unit of the rate ("documents/s"). */
  unit?: string;
  stream?: ProgressStream;
  /** Overrides the stream's isTTY (tests). */
  tty?: boolean;
  now?: () => number;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export class ProgressBar {
  private readonly stream: ProgressStream;
  private readonly tty: boolean;
  private readonly now: () => number;
  private readonly unit: string;
  private started: number | null = null;
  private lastDraw = 0;
  private lastDecile = -1;
  private drawn = false;
  private done = 0;
  private total = 0;

  constructor(private readonly options: ProgressBarOptions) {
    this.stream = options.stream ?? process.stderr;
    this.tty = options.tty ?? this.stream.isTTY === true;
    this.now = options.now ?? (() => performance.now());
    this.unit = options.unit ?? 'items/s';
  }

  update(done: number, total: number): void {
    this.started ??= this.now();
    this.done = done;
    this.total = total;
    const finished = total > 0 && done >= total;
    if (this.tty) {
      const at = this.now();
      if (!finished && this.drawn && at - this.lastDraw < 100) return;
      this.lastDraw = at;
      this.drawn = true;
      this.stream.write(`\r${this.line(true)}\x1b[K`);
      return;
    }
    const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
    if (decile > this.lastDecile && (done > 0 || total === 0)) {
      this.lastDecile = decile;
      this.stream.write(`${this.line(false)}\n`);
    }
  }

  /** Ends the display: the final state stays on screen, the cursor moves to the next line. */
  finish(): void {
    if (this.tty && this.drawn) {
      this.stream.write(`\r${this.line(true)}\x1b[K\n`);
      this.drawn = false;
    }
  }

  private line(bar: boolean): string {
    const { done, total } = this;
    const elapsed = this.started === null ? 0 : (this.now() - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
    const eta = done >= total ? `in ${formatDuration(elapsed)}` : rate > 0 ? `ETA ${formatDuration((total - done) / rate)}` : 'ETA --:--';
    const counts = `${String(done).padStart(String(total).length)}/${total}`;
    const stats = `${counts} ${percent}  ${rate.toFixed(1)} ${this.unit}  ${eta}`;
    if (!bar) return `${this.options.label}: ${stats}`;
    const columns = this.stream.columns ?? 80;
    const width = Math.max(10, Math.min(40, columns - stats.length - this.options.label.length - 6));
    const filled = Math.round(fraction * width);
    return `${this.options.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${stats}`;
  }
}
