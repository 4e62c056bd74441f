import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { DOCUMENT_TYPES, type DocumentTypeCode } from '../../kernel/document-types.ts';
import type { LocalizedName } from '../../kernel/products.ts';
import { nowOf, type CustomerScope, type DomainContext } from '../../kernel/context.ts';
import { findScopedPolicy } from '../policies/policy-access.ts';
import { DOCUMENT_REQUEST_LIMITS, requestableFor } from './rules.ts';

/** The document types the customer may request for one contract, with what is left today. */
export interface RequestableType {
  type: DocumentTypeCode;
  name: LocalizedName;
  /** Requests of this type still allowed in the current 24-hour window. */
  remaining: number;
}

export interface RequestableTypesArgs extends CustomerScope {
  policyId: number;
}

/** Counted requests per type for a policy in the window ending at `now`. */
export async function recentRequestCounts(
  sequelize: Sequelize,
  policyId: number,
  now: Date,
  transaction: Transaction | null,
  type?: DocumentTypeCode,
): Promise<Map<string, number>> {
  const rows = await sequelize.query<{ type: string; n: string | number }>(
    `select type, count(*) as n from document_requests
      where policy_id = $1 and created_at > $2 and status in ('pending', 'fulfilled') and ($3::text is null or type = $3::text)
      group by type`,
    { bind: [policyId, new Date(now.getTime() - DOCUMENT_REQUEST_LIMITS.windowMs).toISOString(), type ?? null], type: QueryTypes.SELECT, transaction },
  );
  return new Map(rows.map((r) => [r.type, Number(r.n)]));
}

export async function requestableTypes(ctx: DomainContext, args: RequestableTypesArgs): Promise<RequestableType[]> {
  const { policy } = await findScopedPolicy(ctx.sequelize, args, args.policyId);
  const counts = await recentRequestCounts(ctx.sequelize, policy.id, nowOf(ctx), null);
  return requestableFor(policy).map((type) => ({
    type,
    name: DOCUMENT_TYPES[type].name,
    remaining: Math.max(0, DOCUMENT_REQUEST_LIMITS.perDay - (counts.get(type) ?? 0)),
  }));
}
