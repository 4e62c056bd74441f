import { ApiProblem } from './api-problem.ts';
import type { UploadOptions } from './upload-options.ts';

/**
 * A multipart POST through XMLHttpRequest, which (unlike fetch) reports the upload's progress.
 * Resolves with the answer as a Response (and its `DPoP-Nonce`, if any) whatever its status;
 * rejects with `network_error`, or an AbortError when cancelled. Loaded on demand by `ApiClient.upload`.
 */
export function xhrUpload(
  url: string,
  form: FormData,
  headers: Record<string, string>,
  options: UploadOptions,
): Promise<{ response: Response; nonce: string | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    });
    xhr.addEventListener('error', () => reject(ApiProblem.network(new Error('upload failed'))));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled', 'AbortError')));
    xhr.addEventListener('load', () => {
      const header = (name: string) => xhr.getResponseHeader(name) ?? '';
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': header('content-type'), 'retry-after': header('retry-after') },
      });
      resolve({ response, nonce: xhr.getResponseHeader('dpop-nonce') });
    });
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
