import { TemplateDataError, escapeHtml, httpUrl, type Language } from './format.ts';

/**
 * The template engine behind the e-mails: each (template, language) pair is compiled from
 * MJML to HTML ONCE, with `%%token%%` placeholders where the data goes; the result is parsed
 * into segments and cached. Rendering an e-mail then only walks the segments and writes each
 * value HTML-escaped, so MJML (slow: tens of milliseconds) never runs per message.
 *
 * Placeholder syntax in the compiled HTML:
 * - `%%name%%`: a value, HTML-escaped. In a `href`/`src` attribute it must be an http(s) URL.
 * - `%%#name%%…%%/name%%`: a section, shown when the value is `true` (or a non-empty string),
 *   dropped when it is false/null/undefined, repeated for each item when it is an array (the
 *   item's keys are then visible inside, in front of the outer ones).
 */

export type VarValue = string | boolean | null | undefined | readonly Vars[];
export type Vars = { readonly [key: string]: VarValue };

type Segment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'value'; readonly name: string; readonly url: boolean }
  | { readonly kind: 'section'; readonly name: string; readonly body: readonly Segment[] };

export interface CompiledTemplate {
  readonly key: string;
  readonly html: string;
  readonly segments: readonly Segment[];
}

/** A template as the registry holds it. `V` is what `vars` returns and `text` reads. */
export interface TemplateDefinition<D, V extends Vars = Vars> {
  readonly name: string;
  /** The subject line: plain text, no line breaks. */
  subject(data: D, lang: Language): string;
  /** The MJML source with placeholders and no data: compiled once per language. */
  mjml(lang: Language): string;
  /** The values of the placeholders, validated and formatted for `lang` (not yet escaped). */
  vars(data: D, lang: Language): V;
  /** The plain-text alternative, from the same values. */
  text(vars: V, lang: Language): string;
}

const TOKEN = /%%([#/]?)([A-Za-z][A-Za-z0-9_]*)%%/g;
const URL_ATTRIBUTE = /\b(?:href|src|action|formaction|background|poster)\s*=\s*["']?\s*$/i;

/** Parses compiled HTML into literal / value / section segments; throws on a malformed template. */
export function parsePlaceholders(html: string, key = 'template'): Segment[] {
  const root: Segment[] = [];
  const stack: { name: string; body: Segment[] }[] = [];
  let current = root;
  let last = 0;
  let literalBefore = '';
  const pushLiteral = (text: string) => {
    if (!text) return;
    if (text.includes('%%')) throw new Error(`${key}: malformed placeholder near "${text.slice(text.indexOf('%%'), text.indexOf('%%') + 30)}"`);
    current.push({ kind: 'literal', text });
    literalBefore = text;
  };
  for (const match of html.matchAll(TOKEN)) {
    pushLiteral(html.slice(last, match.index));
    last = match.index + match[0].length;
    const [, sigil, name] = match as unknown as [string, string, string];
    if (sigil === '#') {
      const section = { name, body: [] as Segment[] };
      current.push({ kind: 'section', name, body: section.body });
      stack.push(section);
      current = section.body;
      literalBefore = '';
    } else if (sigil === '/') {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`${key}: unexpected %%/${name}%%`);
      current = stack.at(-1)?.body ?? root;
      literalBefore = '';
    } else {
      current.push({ kind: 'value', name, url: URL_ATTRIBUTE.test(literalBefore.slice(-40)) });
      literalBefore = '';
    }
  }
  pushLiteral(html.slice(last));
  if (stack.length) throw new Error(`${key}: unclosed section %%#${stack.at(-1)!.name}%%`);
  return root;
}

function lookup(scopes: readonly Vars[], name: string): VarValue {
  for (let i = scopes.length - 1; i >= 0; i -= 1) {
    const scope = scopes[i]!;
    if (Object.hasOwn(scope, name)) return scope[name];
  }
  return undefined;
}

function write(segments: readonly Segment[], scopes: readonly Vars[], out: string[], key: string): void {
  for (const segment of segments) {
    if (segment.kind === 'literal') {
      out.push(segment.text);
    } else if (segment.kind === 'value') {
      const value = lookup(scopes, segment.name);
      if (typeof value !== 'string') throw new TemplateDataError(`${key}: no value for %%${segment.name}%%`, segment.name);
      out.push(escapeHtml(segment.url ? httpUrl(value, segment.name) : value));
    } else {
      const value = lookup(scopes, segment.name);
      if (Array.isArray(value)) {
        for (const item of value as readonly Vars[]) write(segment.body, [...scopes, item], out, key);
      } else if (value === true || (typeof value === 'string' && value !== '')) {
        write(segment.body, scopes, out, key);
      }
    }
  }
}

/** Fills a compiled template: every value HTML-escaped, every link-attribute value an http(s) URL. */
export function fill(compiled: CompiledTemplate, vars: Vars): string {
  const out: string[] = [];
  write(compiled.segments, [vars], out, compiled.key);
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// The cache

const cache = new Map<string, Promise<CompiledTemplate>>();
let compilations = 0;

/** How many MJML compilations have run in this process (for tests: the cache must keep it low). */
export function compiledCount(): number {
  return compilations;
}

/** Forgets every compiled template (tests). */
export function clearTemplateCache(): void {
  cache.clear();
}

async function compile(key: string, lang: Language, source: string): Promise<CompiledTemplate> {
  compilations += 1;
  let html: string;
  // MJML takes 1–3 s to load: the first e-mail compiled pays for it, not the process's start-up.
  const { default: mjml2html } = await import('mjml');
  try {
    // strict: a template mistake (unknown attribute, misplaced tag) fails loudly here.
    // fonts: {}: no web-font <link>s, so opening the e-mail contacts no third party.
    ({ html } = await mjml2html(source, { validationLevel: 'strict', fonts: {}, keepComments: false }));
  } catch (error) {
    throw new Error(`${key}: MJML compilation failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // mjml 5 writes <mjml lang> onto <html lang>; make sure of it in case a version does not.
  if (!/<html\b[^>]*\slang="/i.test(html)) html = html.replace(/<html\b/i, `<html lang="${lang}"`);
  return { key, html, segments: parsePlaceholders(html, key) };
}

/** The compiled HTML of a template in a language: compiled on first use, then from memory. */
export function compiledTemplate(definition: { readonly name: string; mjml(lang: Language): string }, lang: Language): Promise<CompiledTemplate> {
  const key = `${definition.name}:${lang}`;
  let entry = cache.get(key);
  if (!entry) {
    // The promise itself is cached, so concurrent first renders share one compilation.
    entry = compile(key, lang, definition.mjml(lang));
    cache.set(key, entry);
    entry.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
  }
  return entry;
}
