/**
 * Hands a file fetched through the API client (with the session's token, which a plain link
 * would not carry) to the browser as a download.
 *
 * @example saveBlob(await call(api.GET('/api/v1/risk/models/{id}/points.csv', { params: { path: { id } }, parseAs: 'blob' })), 'points.csv');
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
