import type { SeedBroker, SeedPartnerClient } from '../model.ts';

/**
 * The three broker partners and their OIDC clients, plus the insurer's own portal (scope
 * `all`). The first broker is the one the demo broker site embeds the widgets for.
 */
export const BROKERS: readonly (SeedBroker & { clientId: string; origin: string | null })[] = [
  {
    code: 'BIZTOSPONT',
    name: 'Biztos Pont Alkusz Kft.',
    phone: '+36 1 555 0142',
    email: 'ugyfelszolgalat@biztospont.example',
    website: 'https://biztospont.example',
    clientId: 'biztos-pont',
    origin: null,
  },
  {
    code: 'DUNAALKUSZ',
    name: 'Duna Biztosítási Alkusz Zrt.',
    phone: '+36 1 555 0178',
    email: null,
    website: null,
    clientId: 'duna-alkusz',
    origin: 'https://www.dunaalkusz.example',
  },
  { code: 'PANNONALK', name: 'Pannon Kockázatkezelő Alkusz Kft.', clientId: 'pannon-alkusz', origin: 'https://pannon-alkusz.example' },
];

export const FIRST_BROKER = BROKERS[0]!;

export function partnerClients(portalOrigin: string, brokerDemoOrigin: string): SeedPartnerClient[] {
  const redirectUris = [`${portalOrigin}/api/session/callback`];
  return [
    {
      clientId: 'portal',
      brokerCode: null,
      displayName: 'Gránit Pont Ügyfélportál',
      origins: [portalOrigin],
      redirectUris,
      policyScope: 'all',
    },
    ...BROKERS.map((broker, i) => ({
      clientId: broker.clientId,
      brokerCode: broker.code,
      displayName: broker.name,
      origins: [i === 0 ? brokerDemoOrigin : (broker.origin ?? brokerDemoOrigin)],
      redirectUris,
      policyScope: 'broker' as const,
    })),
  ];
}
