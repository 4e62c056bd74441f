import type { InsuredObject } from '../../../kernel/insured-object.ts';
import type { ProductCode } from '../../../kernel/products.ts';
import { formatHuf } from '../../format.ts';

/**
 * The cover table of a policy document: cover, limit, deductible (önrész). The figures are the
 * fictional insurer's product terms; KGFB's limits are the statutory minimums.
 */
export function coverageRows(product: ProductCode, object: InsuredObject): string[][] {
  switch (product) {
    case 'kgfb':
      return [
        ['Személysérüléses károk', 'káreseményenként 6 450 000 euró', '–'],
        ['Dologi károk', 'káreseményenként 1 300 000 euró', '–'],
        ['Területi hatály', 'a Zöldkártya-rendszer országai', '–'],
      ];
    case 'casco': {
      const value = object.kind === 'vehicle' && object.valueHuf ? formatHuf(object.valueHuf) : 'a gépjármű piaci értéke';
      return [
        ['Töréskár (ütközés, baleset)', value, '10%, legalább 100 000 Ft'],
        ['Lopás, rablás, jogtalan használat', value, '20%, legalább 200 000 Ft'],
        ['Elemi kár (vihar, jégeső, árvíz)', value, '10%, legalább 100 000 Ft'],
        ['Üvegkár', 'a szélvédő cseréjének költsége', '10 000 Ft'],
        ['Rongálás', value, '10%, legalább 100 000 Ft'],
      ];
    }
    case 'home': {
      const building = object.kind === 'property' ? formatHuf(object.buildingSumHuf) : '–';
      const contents = object.kind === 'property' ? formatHuf(object.contentsSumHuf) : '–';
      return [
        ['Épület (tűz, vihar, csőtörés, beázás)', building, '20 000 Ft'],
        ['Ingóság', contents, '20 000 Ft'],
        ['Betöréses lopás, rablás', `az ingóság összegéig (${contents})`, '20 000 Ft'],
        ['Üvegtörés', formatHuf(300_000), '–'],
        ['Családi felelősségbiztosítás', formatHuf(10_000_000), '20 000 Ft'],
      ];
    }
    case 'travel': {
      const world = object.kind === 'travel' && object.zone === 'world';
      return [
        ['Sürgősségi orvosi ellátás', formatHuf(world ? 150_000_000 : 100_000_000), '–'],
        ['Poggyászkár', formatHuf(300_000), '10 000 Ft'],
        ['Útlemondás', formatHuf(500_000), '20%'],
        ['Járatkésés (6 órán túl)', formatHuf(60_000), '–'],
        ['Baleseti halál, maradandó egészségkárosodás', formatHuf(2_000_000), '–'],
      ];
    }
  }
}
