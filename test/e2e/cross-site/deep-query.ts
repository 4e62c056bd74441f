/**
 * How the cross-site journey finds what a customer sees, the same way in every engine: a path
 * of CSS selectors, each searched inside the previous match — in its open shadow root first,
 * then in its light DOM, at any depth — keeping visible elements only, optionally whose text
 * matches a pattern. The source below runs inside the page (Playwright, puppeteer and W3C
 * WebDriver all evaluate a script string), so it is plain JavaScript in a string.
 */
export type Path = readonly string[];

/** `(path, textSource, textFlags) => Element | null` */
export const DEEP_FIND = `(path, textSource, textFlags) => {
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const within = (scope, css) => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches(css)) found.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    if (scope.shadowRoot) walk(scope.shadowRoot);
    walk(scope);
    return found;
  };
  let scopes = [document];
  path.forEach((css, i) => {
    const last = i === path.length - 1;
    scopes = scopes.flatMap((scope) => within(scope, css)).filter((el) => !last || visible(el));
  });
  const text = textSource === null ? null : new RegExp(textSource, textFlags);
  return scopes.find((el) => !text || text.test((el.textContent || '').replace(/\\s+/g, ' '))) || null;
}`;

/** An expression that evaluates to the element (or null). */
export function findExpression(path: Path, text?: RegExp): string {
  return `(${DEEP_FIND})(${JSON.stringify(path)}, ${JSON.stringify(text?.source ?? null)}, ${JSON.stringify(text?.flags ?? '')})`;
}

/** An expression that evaluates to the element's visible text, collapsed, or null when absent. */
export function textExpression(path: Path, text?: RegExp): string {
  return `(() => { const el = ${findExpression(path, text)}; return el ? (el.textContent || '').replace(/\\s+/g, ' ').trim() : null; })()`;
}

/** The message of a path that finds nothing, the same in every engine. */
export function nothingAt(path: Path, text?: RegExp): Error {
  return new Error(`nothing visible at ${path.join(' → ')}${text ? ` with text ${text}` : ''}`);
}

/**
 * The element handle at `path` in a Playwright or puppeteer page (both evaluate an expression to
 * a handle that may be an element): the handle, or the error `nothingAt()` names.
 */
export async function elementHandle<H>(evaluateHandle: (expression: string) => Promise<{ asElement(): unknown }>, path: Path, text?: RegExp): Promise<H> {
  const handle = (await evaluateHandle(findExpression(path, text))).asElement() as H | null;
  if (!handle) throw nothingAt(path, text);
  return handle;
}
