// First: it starts the first screen's downloads before the elements are defined.
import '../../internal/head-start.ts';
import { defineElement } from '../../internal/define.ts';
import GpPortal from './portal.component.ts';

export { GpPortal };
export default GpPortal;

defineElement('gp-portal', GpPortal);

declare global {
  interface HTMLElementTagNameMap {
    'gp-portal': GpPortal;
  }
}
