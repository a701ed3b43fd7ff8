import type { PacerClock } from '../../src-main/okta/rate-pacer';

/**
 * A pacer clock whose sleeps advance time at once and are recorded, so pacing and back-off are
 * tested by the waits asked for, without waiting.
 */
export function instantClock(start = 1_000_000): PacerClock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}
