/** One printed figure: a measurement beside the goal it is held to. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. "< 15 ms". */
  goal: string;
  met: boolean;
}

export interface BenchSuite {
  name: string;
  run(): Promise<Figure[]>;
}

/** Runs `fn` `runs` times after one warm-up and returns the median duration in milliseconds. */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 7): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) throw new Error('median of nothing');
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function underGoal(name: string, value: number, unit: string, limit: number): Figure {
  return { name, value, unit, goal: `< ${limit} ${unit}`, met: value < limit };
}

export function overGoal(name: string, value: number, unit: string, floor: number): Figure {
  return { name, value, unit, goal: `>= ${floor} ${unit}`, met: value >= floor };
}
