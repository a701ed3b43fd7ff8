import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors';

/**
 * Reads a request body as UTF-8, refusing (and cutting the connection on) anything larger than
 * `maxBytes`, so a loopback server cannot be made to buffer without bound.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(
          new AppError('BODY_TOO_LARGE', `The request body is over ${maxBytes} bytes.`, 'Send a smaller request.'),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
