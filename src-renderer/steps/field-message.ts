/** Main's message for a field, without the `field: ` prefix the runner adds for toasts; shown under the field itself. */
export function fieldMessage(error: { field: string; message: string } | undefined, matches: (field: string) => boolean): string | undefined {
  if (!error || !matches(error.field)) return undefined;
  const prefix = `${error.field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
