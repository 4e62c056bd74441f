import { defineElement } from '../../internal/define.ts';
import GpClaimForm from './claim-form.component.ts';

export { GpClaimForm };
export default GpClaimForm;

defineElement('gp-claim-form', GpClaimForm);

declare global {
  interface HTMLElementTagNameMap {
    'gp-claim-form': GpClaimForm;
  }
}
