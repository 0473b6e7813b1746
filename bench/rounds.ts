import type { Target } from './target-process';

/**
 * Run `round` for each target, `rounds` times, alternating the order
 * (A B, B A, A B…), so slow drift of the machine (thermal, other tenants,
 * GC of the load generator) lands on both sides equally.
 */
export async function interleavedRounds<T>(
  rounds: number,
  targets: readonly [Target, Target],
  round: (target: Target, index: number) => Promise<T>,
): Promise<[T[], T[]]> {
  const results: [T[], T[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const side of order) results[side].push(await round(targets[side], i));
  }
  return results;
}
