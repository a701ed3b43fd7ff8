/** The message main gave for a field, when `matches` says it belongs under this one. */
export function fieldMessage(
  error: { field: string; message: string } | undefined,
  matches: (field: string) => boolean,
): string | undefined {
  return error && matches(error.field) ? error.message : undefined;
}
