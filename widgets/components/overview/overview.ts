import { defineElement } from '../../internal/define.ts';
import GpOverview from './overview.component.ts';

export { GpOverview };
export default GpOverview;

defineElement('gp-overview', GpOverview);

declare global {
  interface HTMLElementTagNameMap {
    'gp-overview': GpOverview;
  }
}
