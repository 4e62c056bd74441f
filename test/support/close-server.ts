/**
 * Stops a test's HTTP server at once: no new connections, and the open ones (keep-alive
 * connections of fetch, a stuck request) are cut instead of waited for. The product's own
 * shutdown (server/app/start.ts) is gentler: it lets requests under way finish.
 */
export function closeServerNow(server: { close(callback: () => void): unknown; closeAllConnections?: () => void }): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections?.();
  });
}
