export * from '../../kernel/context.ts';
export * from '../../kernel/paging.ts';
export * from './policy-views.ts';
export * from './change-request-view.ts';
export * from './change-rules.ts';
export { findScopedPolicy, policyNotFound, type ScopedCustomer, type ScopedPolicy, type ScopedPolicyWithCustomer } from './policy-access.ts';
export { listPolicies, type ListPoliciesArgs, type PolicyList, type PolicyStatusFilter } from './list-policies.ts';
export {
  getPolicy,
  type GetPolicyArgs,
  type PolicyDetail,
  type PolicyInvoice,
  type PolicyClaim,
  type PolicyDocument,
  type InvoiceDisplayStatus,
} from './get-policy.ts';
export { changePolicy, parsePolicyChanges, type ChangePolicyArgs, type ChangePolicyResult, type PolicyChangeInput } from './change-policy.ts';
export { ADDRESS_LIMITS } from './correspondence-address.ts';
