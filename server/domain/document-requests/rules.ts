import { DOCUMENT_TYPES, requestableTypesFor, type DocumentTypeCode } from '../../kernel/document-types.ts';
import type { ProductCode } from '../../kernel/products.ts';

/**
 * Which documents a customer may request for a contract (dokumentumok igénylése), and how
 * often. The product decides the type list (`requestableTypesFor`: the claims-history
 * certificate is for motor products only); an insurance certificate (biztosítási igazolás)
 * certifies cover in force, so it is offered for active contracts only. A copy of the policy
 * document and a premium certificate stay available after cancellation.
 *
 * Throttle: at most PER_DAY requests of one type for one contract in any 24 hours (pending and
 * fulfilled ones count; failed ones, our fault, do not).
 */
export const DOCUMENT_REQUEST_LIMITS = { perDay: 3, windowMs: 24 * 60 * 60 * 1000 } as const;

const ACTIVE_ONLY: ReadonlySet<DocumentTypeCode> = new Set(['biztositasi_igazolas']);

export function requestableFor(policy: { product: ProductCode; status: 'active' | 'cancelled' }): DocumentTypeCode[] {
  return requestableTypesFor(policy.product).filter((type) => policy.status === 'active' || !ACTIVE_ONLY.has(type));
}

export function needsActivePolicy(type: DocumentTypeCode): boolean {
  return ACTIVE_ONLY.has(type);
}

export function isRequestable(type: DocumentTypeCode): boolean {
  return DOCUMENT_TYPES[type].requestable;
}
