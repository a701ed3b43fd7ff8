/** One failed bridge request as logged: what was asked and why it failed, never a body, header or token. */
export interface BridgeLogEntry {
  status: number;
  code: string;
  method: string;
  path: string;
  channel?: string;
  message: string;
  /** The stack of an unexpected error, so a bug can be found from the log. */
  cause?: string;
}

/** One line per failure: readable in a terminal, and the fields stay machine-readable. */
export function bridgeLogLine(entry: BridgeLogEntry): string {
  const { status, code, method, path, channel, message, cause } = entry;
  const head = `bridge: ${status} ${code} ${method} ${path}${channel !== undefined ? ` (${channel})` : ''}: ${message}`;
  return cause ? `${head}\n${cause}` : head;
}
