import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Object URLs for the thumbnails of chosen images: one per file, made when first shown, revoked
 * as soon as the file is no longer chosen (removed, sent, the report started again) and when the
 * widget leaves the page, so no picture outlives its use in the browser's memory.
 */
export class Thumbnails implements ReactiveController {
  readonly #urls = new Map<File, string>();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  urlOf(file: File): string {
    let url = this.#urls.get(file);
    if (!url) {
      url = URL.createObjectURL(file);
      this.#urls.set(file, url);
    }
    return url;
  }

  /** Revokes the URL of every file not in `files`. */
  keep(files: Iterable<File>): void {
    const kept = new Set(files);
    for (const [file, url] of this.#urls) {
      if (kept.has(file)) continue;
      URL.revokeObjectURL(url);
      this.#urls.delete(file);
    }
  }

  hostDisconnected(): void {
    this.keep([]);
  }
}
