import { describe, expect, it } from 'vitest';
import { Random, mulberry32 } from '../../../server/seed/random.ts';

describe('seeded random numbers', () => {
  it('repeats the same sequence for the same seed, and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const rng = new Random(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(3, 6);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('follows the weights roughly', () => {
    const rng = new Random(1);
    let heavy = 0;
    for (let i = 0; i < 4000; i++)
      if (
        rng.weighted([
          ['a', 3],
          ['b', 1],
        ] as const) === 'a'
      )
        heavy++;
    expect(heavy / 4000).toBeGreaterThan(0.7);
    expect(heavy / 4000).toBeLessThan(0.8);
  });

  it('isolates a fork: what the child draws does not move the parent', () => {
    const a = new Random(99);
    const b = new Random(99);
    const childA = a.fork();
    const childB = b.fork();
    for (let i = 0; i < 10; i++) childA.float(); // the child of `a` draws more
    childB.float();
    expect(a.int(0, 1_000_000)).toBe(b.int(0, 1_000_000));
  });

  it('makes version-4-shaped UUIDs, reproducibly', () => {
    const id = new Random(5).uuid();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Random(5).uuid()).toBe(id);
  });
});
