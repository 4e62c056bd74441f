/** How an upload reports its progress and can be cancelled. */
export interface UploadOptions {
  /** Bytes sent so far and in total, as the browser reports them. */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}
