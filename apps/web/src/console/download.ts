import { useMutation } from '@tanstack/react-query';

/**
 * Hands a file fetched through the API client (with the session's token, which a plain link
 * would not carry) to the browser's downloads under `fileName`, through a temporary object URL.
 *
 * @example saveBlob(blob, 'puhui-par-2026-03-02.xlsx');
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke once the download has started (revoking at once can cancel it in some browsers).
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A download button's mutation: `fetchFile` gets the file through the typed client with
 * `parseAs: 'blob'` (so it carries the bearer token, and a token problem ends the session as for
 * any call), then {@link saveBlob} saves it under `fileName`. `mutate(variables)` starts it;
 * `isPending` and `variables` drive the buttons' spinners, `error` (an `ApiError`) a
 * `<ProblemAlert>`.
 *
 * @example
 * const geojson = useDownload(
 *   () => call(api.GET('/api/v1/siting/studies/{id}/geojson', { params: { path: { id } }, parseAs: 'blob' })),
 *   () => `${id}.geojson`,
 * );
 * <Button loading={geojson.isPending} onClick={() => geojson.mutate()}>GeoJSON</Button>
 */
export function useDownload<V = void>(
  fetchFile: (variables: V) => Promise<Blob>,
  fileName: (variables: V) => string,
) {
  return useMutation({
    mutationFn: async (variables: V) => saveBlob(await fetchFile(variables), fileName(variables)),
  });
}
