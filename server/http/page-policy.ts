/**
 * CSP for the pages that host the widgets: scripts and styles only from the listed origins,
 * no inline code, no eval. Lit's styles use constructable stylesheets, which CSP allows.
 */
export function widgetHostCsp(sdkOrigin: string, apiOrigin: string): string {
  return [
    `default-src 'self'`,
    `script-src 'self' ${sdkOrigin}`,
    `style-src 'self'`,
    `img-src 'self' data: ${apiOrigin}`,
    `connect-src 'self' ${apiOrigin}`,
    `frame-src 'self' ${apiOrigin}`,
    `frame-ancestors 'none'`,
    `base-uri 'none'`,
    `form-action 'self' ${apiOrigin}`,
    `object-src 'none'`,
  ].join('; ');
}
