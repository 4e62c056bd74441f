import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ProblemError } from './problem.ts';

/** Small JSON writes: 8 KB is generous for every form the widgets post. */
export const SMALL_BODY_BYTES = 8 * 1024;

/**
 * Refuses a request body over `maxSize` bytes before anything reads it: 413 `payload_too_large`
 * (problem+json), with `title` saying what the limit is for when it is not obvious.
 */
export function limitBody(maxSize: number, title = 'The request body is too large'): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ProblemError(413, 'payload_too_large', title);
    },
  });
}
