import type { ReportedClaim } from '../api/schemas.ts';
import { GpEvent } from './gp-event.ts';

/** A claim was reported; `event.claim.claimNumber` is its number. */
export class GpClaimSubmittedEvent extends GpEvent {
  static readonly eventName = 'gp-claim-submitted';
  readonly claim: ReportedClaim;

  constructor(claim: ReportedClaim) {
    super(GpClaimSubmittedEvent.eventName);
    this.claim = claim;
  }
}

declare global {
  interface HTMLElementEventMap {
    'gp-claim-submitted': GpClaimSubmittedEvent;
  }
  interface GlobalEventHandlersEventMap {
    'gp-claim-submitted': GpClaimSubmittedEvent;
  }
}
