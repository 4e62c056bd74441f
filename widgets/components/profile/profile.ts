import { defineElement } from '../../internal/define.ts';
import GpProfile from './profile.component.ts';

export { GpProfile };
export default GpProfile;

defineElement('gp-profile', GpProfile);

declare global {
  interface HTMLElementTagNameMap {
    'gp-profile': GpProfile;
  }
}
