/**
 * A progress bar on stderr. On a terminal it redraws one line; elsewhere (CI logs) it prints a line
 * every tenth of the way, so logs stay short.
 */
export class Progress {
  private readonly started = Date.now();
  private lastDecile = -1;
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit: string,
  ) {}

  update(done: number): void {
    const fraction = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? (this.total - done) / rate : 0;
    const text =
      `${this.label} ${bar(fraction)} ${(fraction * 100).toFixed(0).padStart(3)}% ` +
      `${done.toLocaleString("en-US")}/${this.total.toLocaleString("en-US")} ${this.unit}, ` +
      `${Math.round(rate).toLocaleString("en-US")}/s, ${seconds.toFixed(0)} s, ETA ${eta.toFixed(0)} s`;
    if (process.stderr.isTTY) {
      if (Date.now() - this.lastDraw < 200 && done < this.total) return;
      this.lastDraw = Date.now();
      process.stderr.write(`\r${text}\x1b[K`);
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile === this.lastDecile) return;
      this.lastDecile = decile;
      process.stderr.write(`${text}\n`);
    }
  }

  done(): void {
    if (process.stderr.isTTY) process.stderr.write("\n");
  }
}

function bar(fraction: number, width = 24): string {
  const full = Math.round(fraction * width);
  return `[${"#".repeat(full)}${" ".repeat(width - full)}]`;
}
