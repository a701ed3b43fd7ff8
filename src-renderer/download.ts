/**
 * Offers content as a file download from the page, the same in Electron and browser mode. Only
 * public or settings-only files come here (certificates, metadata, plan files, reports); secrets
 * never reach the renderer.
 */
export function download(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // A large file (a 100,000-row CSV) may still be read from the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The bytes of a file main sent as base64 (binary files: PDF, .eml). */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
