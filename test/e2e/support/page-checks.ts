import type { Page } from 'playwright-core';

/**
 * Waits until the page has nothing left to load: no skeleton, no `aria-busy` region, in the
 * page or any open shadow root, for two frames in a row (a widget may start loading as another
 * finishes), and web fonts are in.
 */
export async function pageSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const busy = (root: Document | ShadowRoot): boolean =>
        [...root.querySelectorAll('*')].some(
          (el) =>
            (el.getAttribute('aria-busy') === 'true' || (el.getAttribute('part') ?? '').split(' ').includes('loading')) &&
            (el as HTMLElement).checkVisibility?.() !== false,
        ) || [...root.querySelectorAll('*')].some((el) => el.shadowRoot !== null && busy(el.shadowRoot));
      const w = window as unknown as { __gpIdleFrames?: number };
      w.__gpIdleFrames = busy(document) ? 0 : (w.__gpIdleFrames ?? 0) + 1;
      return w.__gpIdleFrames >= 2;
    },
    undefined,
    { polling: 'raf', timeout: 15_000 },
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * What sticks out past the viewport's right edge, piercing open shadow roots: the document's own
 * scroll width, then each visible element whose box ends right of the viewport or of an ancestor
 * that clips or scrolls it (in the composed tree, so a slotted widget counts against the frame of
 * the portal it sits in): the customer would scroll sideways or miss what is cut off. Each is
 * named by its shadow hosts, tag, id, classes and parts; inside a listed element nothing more is.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) found.push(`document scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    const name = (el: Element, hosts: string[]): string => {
      const id = el.id ? `#${el.id}` : '';
      const classes = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const part = el.getAttribute('part') ? `[part="${el.getAttribute('part')}"]` : '';
      return [...hosts, `${el.tagName.toLowerCase()}${id}${classes}${part}`].join(' >>> ');
    };
    const composedParent = (el: Element): Element | null => el.assignedSlot ?? el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host || null);
    /** The right edge the element must stay within: the viewport's, or a nearer clipping or scrolling ancestor's. */
    const limit = (el: Element): number => {
      let right = width;
      for (let up = composedParent(el); up && up !== document.documentElement && up !== document.body; up = composedParent(up)) {
        if (getComputedStyle(up).overflowX !== 'visible') right = Math.min(right, up.getBoundingClientRect().right);
      }
      return right;
    };
    const listed = new Set<Element>();
    const walk = (root: Document | ShadowRoot, hosts: string[]): void => {
      for (const el of root.querySelectorAll('*')) {
        const parent = composedParent(el);
        if (parent && listed.has(parent)) listed.add(el);
        else if ((el as HTMLElement).checkVisibility?.({ visibilityProperty: true } as never) !== false) {
          const box = el.getBoundingClientRect();
          // Visually hidden text is a 1 px box; ellipsised text is cut off on purpose.
          const right = box.width > 1 && box.height > 0 && getComputedStyle(el).textOverflow !== 'ellipsis' ? limit(el) : Infinity;
          if (box.right > right + 0.5) {
            found.push(`${name(el, hosts)} right ${Math.round(box.right)} > ${Math.round(right)}`);
            listed.add(el);
          }
        }
        if (el.shadowRoot) walk(el.shadowRoot, [...hosts, name(el, [])]);
      }
    };
    walk(document, []);
    return found;
  });
}
