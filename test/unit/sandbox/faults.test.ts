import { describe, expect, it } from 'vitest';
import { decideFault } from '../../../src-main/sandbox/faults';

describe('fault decisions', () => {
  it('injects nothing without options or outside the chosen methods and paths', () => {
    expect(decideFault(undefined, 'GET', '/api/v1/apps')).toEqual({ kind: 'none', delayMs: 0 });
    const options = { serverErrorRate: 1, methods: ['POST' as const], paths: ['/api/v1/apps', /\/users$/] };
    expect(decideFault(options, 'GET', '/api/v1/apps').kind).toBe('none');
    expect(decideFault(options, 'POST', '/api/v1/groups').kind).toBe('none');
    expect(decideFault(options, 'POST', '/api/v1/apps/0oa1').kind).toBe('server-error');
    expect(decideFault(options, 'POST', '/api/v1/apps/0oa1/users').kind).toBe('server-error');
  });

  it('checks drop before 429 before 5xx, each against its own share', () => {
    const sequence = [0.9, 0.1];
    let i = 0;
    const random = () => sequence[i++ % 2] ?? 0;
    expect(decideFault({ dropRate: 0.5, rateLimitRate: 0.5, random }, 'GET', '/').kind).toBe('rate-limit');
    expect(decideFault({ dropRate: 0.5, random: () => 0.2 }, 'GET', '/').kind).toBe('drop');
  });

  it('draws latency within the range', () => {
    expect(decideFault({ latencyMs: [10, 20], random: () => 0.99 }, 'GET', '/').delayMs).toBe(20);
    expect(decideFault({ latencyMs: 7 }, 'GET', '/')).toEqual({ kind: 'none', delayMs: 7 });
  });
});
