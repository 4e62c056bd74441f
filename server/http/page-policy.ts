import { contentSecurityPolicy } from '../../common/http/csp.ts';

/**
 * CSP for the pages that host the widgets: scripts and styles only from the listed origins,
 * no inline code, no eval. Lit's styles use constructable stylesheets, which CSP allows.
 * `blob:` images are the claim form's thumbnails of the photos a customer chose (object URLs).
 */
export function widgetHostCsp(sdkOrigin: string, apiOrigin: string): string {
  return contentSecurityPolicy({
    'default-src': ["'self'"],
    'script-src': ["'self'", sdkOrigin],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', apiOrigin],
    'connect-src': ["'self'", apiOrigin],
    'frame-src': ["'self'", apiOrigin],
    'form-action': ["'self'", apiOrigin],
  });
}
