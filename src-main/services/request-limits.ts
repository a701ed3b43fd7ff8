import { AppError } from '../errors';

/**
 * What one call from the renderer may carry, on either transport. The largest honest request is a
 * pasted metadata file (refused itself over 1 MB) or a captured SAML response; no input of any step
 * nests more than a few levels.
 */
export const requestLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 32, maxNodes: 100_000 } as const;

function tooLarge(): AppError {
  return new AppError(
    'REQUEST_TOO_LARGE',
    `The request is over ${requestLimits.maxBytes / (1024 * 1024)} MB, the most one call may carry.`,
    'Send less: a metadata file or SAML response of a real org is far smaller. Check that the right file was chosen.',
  );
}

function tooDeep(): AppError {
  return new AppError(
    'REQUEST_TOO_DEEP',
    `The request is nested more than ${requestLimits.maxDepth} levels deep; no input of the wizard is.`,
    'Send the fields the step asks for, as plain values.',
  );
}

/**
 * Refuses JSON text nested too deep before it is parsed (JSON.parse and every recursive walk
 * after it would otherwise run out of stack). Counts brackets outside strings in one pass.
 */
export function checkJsonText(text: string): void {
  if (Buffer.byteLength(text, 'utf8') > requestLimits.maxBytes) throw tooLarge();
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > requestLimits.maxDepth) throw tooDeep();
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
    }
  }
}

/**
 * Refuses a request value (as IPC's structured clone delivers it, or as parsed from the bridge)
 * that is too deep, has too many parts or too much text, before any schema walks it. Iterative, so
 * the check itself cannot overflow the stack, and bounded by `maxNodes`, so a cyclic value ends too.
 */
export function checkRequestValue(value: unknown): void {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let nodes = 0;
  let bytes = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    nodes += 1;
    if (nodes > requestLimits.maxNodes) throw tooLarge();
    if (typeof current === 'string') {
      bytes += current.length;
    } else if (current instanceof Uint8Array) {
      bytes += current.byteLength;
    } else if (typeof current === 'object' && current !== null) {
      if (depth >= requestLimits.maxDepth) throw tooDeep();
      for (const [key, child] of Object.entries(current)) {
        bytes += key.length;
        stack.push({ value: child, depth: depth + 1 });
      }
    } else {
      bytes += 8;
    }
    if (bytes > requestLimits.maxBytes) throw tooLarge();
  }
}
