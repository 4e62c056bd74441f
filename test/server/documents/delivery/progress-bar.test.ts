import { describe, expect, it } from 'vitest';
import { ProgressBar, formatDuration } from '../../../../server/cli/progress-bar.ts';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, columns: 100, write: (chunk: string) => chunks.push(chunk) };
}

describe('ProgressBar', () => {
  it('on a terminal redraws one line with bar, counts, percentage, rate and ETA, and ends it with a newline', () => {
    const out = stream(true);
    let now = 0;
    const bar = new ProgressBar({ label: 'Díjbekérő', unit: 'documents/s', stream: out, now: () => now });
    bar.update(0, 1000);
    now = 2000;
    bar.update(250, 1000);
    now = 2050; // within 100 ms of the last draw: not redrawn
    bar.update(260, 1000);
    now = 4000;
    bar.update(500, 1000);
    now = 8000;
    bar.update(1000, 1000);
    bar.finish();

    expect(out.chunks).toHaveLength(5);
    expect(out.chunks.every((c) => c.startsWith('\r'))).toBe(true);
    expect(out.chunks[1]).toContain(' 250/1000  25%');
    expect(out.chunks[1]).toContain('125.0 documents/s');
    expect(out.chunks[1]).toContain('ETA 0:06'); // 750 left at 125/s
    expect(out.chunks[1]).toMatch(/\[#+-+\]/);
    expect(out.chunks[3]).toContain('1000/1000 100%');
    expect(out.chunks[3]).toContain('in 0:08');
    expect(out.chunks[4]!.endsWith('\n')).toBe(true);
    expect(out.chunks.slice(0, 4).every((c) => !c.includes('\n'))).toBe(true);
  });

  it('without a terminal prints one plain line per 10 %', () => {
    const out = stream(false);
    let now = 0;
    const bar = new ProgressBar({ label: 'Díjbekérő', unit: 'documents/s', stream: out, now: () => now });
    bar.update(0, 1000);
    for (let done = 1; done <= 1000; done += 7) {
      now += 10;
      bar.update(done, 1000);
    }
    bar.update(1000, 1000);
    bar.finish();
    expect(out.chunks).toHaveLength(11); // 0 %, 10 % … 100 %
    expect(out.chunks.every((c) => c.endsWith('\n') && !c.includes('\r'))).toBe(true);
    expect(out.chunks[0]).toMatch(/^Díjbekérő: +1\/1000 +0%/);
    expect(out.chunks[5]).toContain('50%');
    expect(out.chunks[10]).toContain('1000/1000 100%');
  });

  it('handles an empty run', () => {
    const out = stream(false);
    const bar = new ProgressBar({ label: 'x', stream: out });
    bar.update(0, 0);
    bar.finish();
    expect(out.chunks).toEqual([expect.stringContaining('0/0 100%')]);
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('--:--');
  });
});
