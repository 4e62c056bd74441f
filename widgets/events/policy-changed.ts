import type { PolicyChangeResult } from '../api/schemas.ts';
import { GpEvent } from './gp-event.ts';

/** The customer changed a contract's data; `event.result` says what was applied or awaits review. */
export class GpPolicyChangedEvent extends GpEvent {
  static readonly eventName = 'gp-policy-changed';
  readonly policyId: number;
  readonly result: PolicyChangeResult;

  constructor(policyId: number, result: PolicyChangeResult) {
    super(GpPolicyChangedEvent.eventName);
    this.policyId = policyId;
    this.result = result;
  }
}

declare global {
  interface HTMLElementEventMap {
    'gp-policy-changed': GpPolicyChangedEvent;
  }
  interface GlobalEventHandlersEventMap {
    'gp-policy-changed': GpPolicyChangedEvent;
  }
}
