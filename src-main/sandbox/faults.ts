import type { HttpMethod } from './router';

/**
 * Injected misbehaviour, per request: each share is the probability (0..1) of that fault.
 * A request gets at most one failure (checked in the order drop, 429, 5xx, lost answer) after its
 * latency.
 */
export interface FaultOptions {
  /** Extra delay before answering, in ms, or a [min, max] range. */
  latencyMs?: number | [number, number];
  /** Share answered 500 E0000009. */
  serverErrorRate?: number;
  /** Share answered 429 E0000047 as Okta does when its concurrency limit is hit (see server.ts). */
  rateLimitRate?: number;
  /** Share whose socket is destroyed without an answer, before the org handles the request. */
  dropRate?: number;
  /**
   * Share handled in full (a write lands) whose answer is then lost: the socket is destroyed
   * instead of answering, as when a connection dies on the way back.
   */
  lostAnswerRate?: number;
  /**
   * A test's own schedule, asked first for every request (before `methods`/`paths`): a fault kind,
   * or undefined to fall through to the shares above. May wait (e.g. until a killed client is gone).
   */
  script?: (method: string, path: string) => FaultKind | undefined | Promise<FaultKind | undefined>;
  /** Only these methods are affected (default: all). */
  methods?: HttpMethod[];
  /** Only paths starting with one of these, or matching one of these patterns (default: all). */
  paths?: (string | RegExp)[];
  /** Source of randomness in [0, 1); tests pass a fixed sequence. */
  random?: () => number;
}

export type FaultKind = 'none' | 'drop' | 'rate-limit' | 'server-error' | 'lost-answer';
export type FaultDecision = { kind: FaultKind; delayMs: number };

/** The shares' decision; `script` is the server's to ask first, since it may wait. */
export function decideFault(options: FaultOptions | undefined, method: string, path: string): FaultDecision {
  if (!options || !applies(options, method, path)) return { kind: 'none', delayMs: 0 };
  const random = options.random ?? Math.random;
  const delayMs = latency(options.latencyMs, random);
  if (hit(options.dropRate, random)) return { kind: 'drop', delayMs };
  if (hit(options.rateLimitRate, random)) return { kind: 'rate-limit', delayMs };
  if (hit(options.serverErrorRate, random)) return { kind: 'server-error', delayMs };
  if (hit(options.lostAnswerRate, random)) return { kind: 'lost-answer', delayMs };
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
