import type { CliIo } from '../../src-main/cli/io';

/** A CliIo that keeps what a command printed. */
export function captureIo(): CliIo & { stdout: string; stderr: string; json<T = unknown>(): T } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text.endsWith('\n') ? text : `${text}\n`;
    },
    err(text: string) {
      io.stderr += text.endsWith('\n') ? text : `${text}\n`;
    },
    json<T>() {
      return JSON.parse(io.stdout) as T;
    },
  };
  return io;
}
