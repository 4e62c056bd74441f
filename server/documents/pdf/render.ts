import type { DocumentInput } from './input.ts';
import { renderBefizetesIgazolas } from './templates/befizetes-igazolas.ts';
import { renderBiztositasiIgazolas } from './templates/biztositasi-igazolas.ts';
import { renderDijbekero } from './templates/dijbekero.ts';
import { renderDijigazolas } from './templates/dijigazolas.ts';
import { renderEvfordulosErtesito } from './templates/evfordulos-ertesito.ts';
import { renderKarbejelentesVisszaigazolas } from './templates/karbejelentes-visszaigazolas.ts';
import { renderKartortenetiIgazolas } from './templates/kartorteneti-igazolas.ts';
import { renderKotveny } from './templates/kotveny.ts';
import { renderModositasVisszaigazolas } from './templates/modositas-visszaigazolas.ts';

/** Renders one document to PDF bytes; the same input gives the same bytes. */
export function renderDocument(input: DocumentInput): Promise<Uint8Array> {
  switch (input.type) {
    case 'kotveny':
      return renderKotveny(input);
    case 'dijbekero':
      return renderDijbekero(input);
    case 'dijigazolas':
      return renderDijigazolas(input);
    case 'kartorteneti_igazolas':
      return renderKartortenetiIgazolas(input);
    case 'biztositasi_igazolas':
      return renderBiztositasiIgazolas(input);
    case 'modositas_visszaigazolas':
      return renderModositasVisszaigazolas(input);
    case 'befizetes_igazolas':
      return renderBefizetesIgazolas(input);
    case 'karbejelentes_visszaigazolas':
      return renderKarbejelentesVisszaigazolas(input);
    case 'evfordulos_ertesito':
      return renderEvfordulosErtesito(input);
  }
}
