import { setViewport } from '@web/test-runner-commands';

/** The widths every view must fit: small and common phones, a tablet, a laptop. */
export const WIDTHS = [320, 375, 768, 1280] as const;

/** Sets the browser's viewport (the layout reflows before the next frame). */
export async function atWidth(width: number): Promise<void> {
  await setViewport({ width, height: 900 });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** Every element, shadow roots included, under `root`. */
function* elementsUnder(root: Element | ShadowRoot): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* elementsUnder(element.shadowRoot);
  }
}

/** A short name of an element for messages: its tag, part and classes. */
function nameOf(element: Element): string {
  const part = element.getAttribute('part');
  const host = (element.getRootNode() as ShadowRoot).host;
  return `${host ? `<${host.localName}> ` : ''}${element.localName}${part ? `[part="${part}"]` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
}

/**
 * The elements that stick out of the viewport sideways (wider than it, or past its right edge),
 * with their widths: a customer would have to scroll sideways to read them. Elements that are
 * hidden or collapsed to nothing (screen-reader-only text) are left out. Empty when all fit.
 */
export function overflowing(root: Element = document.body): string[] {
  const width = document.documentElement.clientWidth;
  const found: string[] = [];
  const out = new Set<Element>();
  for (const element of [root, ...elementsUnder(root)]) {
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    if (box.width <= width + 0.5 && box.right <= width + 0.5 && box.left >= -0.5) continue;
    out.add(element);
    // Name the outermost offenders only: what sticks out inside them follows from them.
    const parent = element.parentElement ?? (element.parentNode as ShadowRoot | null)?.host ?? null;
    if (!parent || !out.has(parent)) found.push(`${nameOf(element)}: ${Math.round(box.left)}–${Math.round(box.right)} px`);
  }
  if (document.documentElement.scrollWidth > width) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  return found;
}
