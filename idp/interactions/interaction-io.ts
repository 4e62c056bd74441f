import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { errors, type InteractionResults } from 'oidc-provider';
import type Provider from 'oidc-provider';

export type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/**
 * The two things every interaction step does with the provider (the same as ./routes.ts does for
 * the password step): find the interaction named in the path through its cookie, and finish a
 * prompt, sending the browser back to the provider (303).
 */
export async function loadInteraction(c: Context, provider: Provider): Promise<Interaction | null> {
  const { incoming, outgoing } = node(c);
  try {
    const interaction = await provider.interactionDetails(incoming, outgoing);
    return interaction.uid === c.req.param('uid') ? interaction : null;
  } catch (error) {
    if (error instanceof errors.SessionNotFound) return null;
    throw error;
  }
}

export async function finishInteraction(c: Context, provider: Provider, result: InteractionResults): Promise<Response> {
  const { incoming, outgoing } = node(c);
  return c.redirect(await provider.interactionResult(incoming, outgoing, result, { mergeWithLastSubmission: false }), 303);
}

function node(c: Context): HttpBindings {
  const env = c.env as Partial<HttpBindings> | undefined;
  if (!env?.incoming || !env.outgoing) throw new Error('the interaction pages must be served by @hono/node-server (oidc-provider reads the raw request)');
  return env as HttpBindings;
}
