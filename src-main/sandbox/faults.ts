import type { HttpMethod } from './router';

/**
 * Injected misbehaviour, per request: each share is the probability (0..1) of that fault.
 * A request gets at most one failure (checked in the order drop, 429, 5xx) after its latency.
 */
export interface FaultOptions {
  /** Extra delay before answering, in ms, or a [min, max] range. */
  latencyMs?: number | [number, number];
  /** Share answered 500 E0000009. */
  serverErrorRate?: number;
  /** Share answered 429 E0000047 as Okta does when its concurrency limit is hit (see server.ts). */
  rateLimitRate?: number;
  /** Share whose socket is destroyed without an answer. */
  dropRate?: number;
  /** Only these methods are affected (default: all). */
  methods?: HttpMethod[];
  /** Only paths starting with one of these, or matching one of these patterns (default: all). */
  paths?: (string | RegExp)[];
  /** Source of randomness in [0, 1); tests pass a fixed sequence. */
  random?: () => number;
}

export type FaultDecision = { kind: 'none' | 'drop' | 'rate-limit' | 'server-error'; delayMs: number };

export function decideFault(options: FaultOptions | undefined, method: string, path: string): FaultDecision {
  if (!options || !applies(options, method, path)) return { kind: 'none', delayMs: 0 };
  const random = options.random ?? Math.random;
  const delayMs = latency(options.latencyMs, random);
  if (hit(options.dropRate, random)) return { kind: 'drop', delayMs };
  if (hit(options.rateLimitRate, random)) return { kind: 'rate-limit', delayMs };
  if (hit(options.serverErrorRate, random)) return { kind: 'server-error', delayMs };
  return { kind: 'none', delayMs };
}

function applies(options: FaultOptions, method: string, path: string): boolean {
  if (options.methods && !options.methods.some((m) => m === method)) return false;
  if (options.paths && !options.paths.some((p) => (typeof p === 'string' ? path.startsWith(p) : p.test(path))))
    return false;
  return true;
}

function hit(share: number | undefined, random: () => number): boolean {
  return share !== undefined && share > 0 && random() < share;
}

function latency(value: FaultOptions['latencyMs'], random: () => number): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const [min, max] = value;
  return min + Math.floor(random() * (max - min + 1));
}
