export * from './attachments.ts';
export * from './claim-input.ts';
export * from './claim-number.ts';
export * from './claim-views.ts';
export { reportClaim, FIRST_STATUS_NOTE, type ReportClaimArgs, type ReportClaimOptions, type ReportedClaim } from './report-claim.ts';
export { listClaims, getClaim, claimNotFound, type ListClaimsArgs, type GetClaimArgs } from './list-claims.ts';
export { getClaimAttachment, type AttachmentContent, type GetAttachmentArgs } from './attachment-content.ts';
export { parseLossTime } from './local-time.ts';
