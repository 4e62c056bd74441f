import { defineElement } from '../../internal/define.ts';
import GpPolicyList from './policy-list.component.ts';

export { GpPolicyList };
export type { PolicyFilter } from './policy-list.component.ts';
export default GpPolicyList;

defineElement('gp-policy-list', GpPolicyList);

declare global {
  interface HTMLElementTagNameMap {
    'gp-policy-list': GpPolicyList;
  }
}
