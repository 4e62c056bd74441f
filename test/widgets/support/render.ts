import './languages.ts';
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../../widgets/components/portal/portal.ts';
import type GpPortal from '../../../widgets/components/portal/portal.component.ts';
import type { Lang } from '../../../widgets/i18n/lang.ts';
import { clearSession, FAKE_API_BASE, seedSession } from './fake-api.ts';

/**
 * Renders widgets inside a real `<gp-portal>` pointed at the fake API, on a page that holds a
 * session (`seedSession()`: the fake API decides whether it is still good; `handle: false` for
 * a page that holds none), and waits until the
 * portal knows the session (GET /session answered). Returns the portal and the first child.
 */
export async function inPortal<T extends HTMLElement>(
  content: TemplateResult,
  options: { lang?: Lang; handle?: boolean } = {},
): Promise<{ portal: GpPortal; widget: T }> {
  // `handle: false`: a visitor who never logged in on this page (nothing to ask the API about).
  if (options.handle === false) await clearSession();
  else await seedSession();
  const portal = await fixture<GpPortal>(html`<gp-portal api=${FAKE_API_BASE} client-id="test" lang=${options.lang ?? 'hu'}>${content}</gp-portal>`);
  await waitUntil(() => portal.session.status !== 'checking', 'the portal never learned the session');
  const widget = portal.firstElementChild as T;
  await (widget as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return { portal, widget };
}

/** The text of a node with whitespace collapsed. */
export const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** One shadow part of an element, or a thrown error naming it. */
export function part<T extends Element = HTMLElement>(el: Element, name: string): T {
  const node = el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  if (!node) throw new Error(`<${el.localName}> has no part "${name}"`);
  return node;
}

export function parts<T extends Element = HTMLElement>(el: Element, name: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}
