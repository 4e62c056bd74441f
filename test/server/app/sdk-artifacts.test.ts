// What the SDK build (`npm run build`, run by `npm test` before this suite) ships besides the
// bundles: the custom-elements manifest and the TypeScript declarations partners use.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SDK = 'dist/sdk';
const ELEMENTS = {
  'gp-portal': { attributes: ['lang', 'api', 'client-id', 'login-mode'], events: ['gp-login', 'gp-logout', 'gp-error'] },
  'gp-overview': { attributes: ['invoices-href', 'mailbox-href', 'claims-href', 'policies-href'], events: ['gp-navigate', 'gp-actions-changed', 'gp-error'] },
  'gp-policy-list': { attributes: ['status', 'page-size'], events: ['gp-policy-changed', 'gp-error'] },
  'gp-invoice-pay': { attributes: ['payment-mode'], events: ['gp-payment-completed', 'gp-error'] },
  'gp-claim-form': { attributes: ['view', 'policy-id'], events: ['gp-claim-submitted', 'gp-error'] },
  'gp-mailbox': { attributes: ['document-id', 'page-size'], events: ['gp-document-opened', 'gp-error'] },
  'gp-profile': { attributes: [], events: ['gp-profile-changed', 'gp-error'] },
} as const;

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

function manifest(): { modules: { declarations?: Declaration[]; exports?: { kind: string; name: string }[] }[] } {
  const file = `${SDK}/custom-elements.json`;
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('the SDK build', () => {
  it('ships a custom-elements manifest with every element, its attributes, events and parts', () => {
    const doc = manifest();
    const declarations = doc.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
    expect(declarations.map((d) => d.tagName).sort()).toEqual(Object.keys(ELEMENTS).sort());
    for (const [tag, expected] of Object.entries(ELEMENTS)) {
      const element = declarations.find((d) => d.tagName === tag)!;
      expect(element.attributes?.map((a) => a.name) ?? [], tag).toEqual(expect.arrayContaining([...expected.attributes]));
      expect(
        element.events?.map((e) => e.name),
        tag,
      ).toEqual(expect.arrayContaining([...expected.events]));
      // Only the documented gp-* events, each once.
      for (const event of element.events ?? []) expect(event.name, tag).toMatch(/^gp-[a-z-]+$/);
      expect(element.cssParts?.length ?? 0, tag).toBeGreaterThan(5);
    }
    const definitions = doc.modules.flatMap((m) => m.exports ?? []).filter((e) => e.kind === 'custom-element-definition');
    expect(definitions.map((d) => d.name).sort()).toEqual(Object.keys(ELEMENTS).sort());
  });

  it('documents the theme tokens on the portal', () => {
    const portal = manifest()
      .modules.flatMap((m) => m.declarations ?? [])
      .find((d) => d.tagName === 'gp-portal')!;
    expect(portal.cssProperties?.map((p) => p.name)).toEqual(expect.arrayContaining(['--gp-color-primary', '--gp-font-family', '--gp-radius', '--gp-spacing']));
  });

  it('ships TypeScript declarations for the elements, the events and the API types', () => {
    const index = readFileSync(`${SDK}/types/index.d.ts`, 'utf8');
    for (const name of ['GpPortal', 'GpOverview', 'GpPolicyList', 'GpInvoicePay', 'GpClaimForm', 'GpMailbox', 'GpProfile']) expect(index).toContain(name);
    expect(readFileSync(`${SDK}/types/events/payment-completed.d.ts`, 'utf8')).toContain("'gp-payment-completed': GpPaymentCompletedEvent");
    expect(existsSync(`${SDK}/types/api/openapi.d.ts`)).toBe(true);
  });

  it('keeps each language in its own pack, fetched on demand', () => {
    const bundle = readFileSync(`${SDK}/gp-widgets.js`, 'utf8');
    expect(bundle).not.toContain('Szerződéseim');
    expect(bundle).toMatch(/import\("\.\/i18n\/hu-[\w-]+\.js"\)/);
    expect(bundle).toMatch(/import\("\.\/i18n\/en-[\w-]+\.js"\)/);
  });
});
