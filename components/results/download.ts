/** Saves bytes as a file through a same-origin blob: URL; nothing goes over the network. */
export function downloadParts(parts: readonly Uint8Array[], fileName: string, mimeType: string): void {
  // The parts come from DuckDB's worker as plain (never shared) buffers.
  const blob = new Blob(parts as Uint8Array<ArrayBuffer>[], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cut the download short in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
