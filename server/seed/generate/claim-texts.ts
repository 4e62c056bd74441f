import type { ClaimType } from '../../kernel/products.ts';

/** How customers describe their losses, per claim type, and what each typically costs (HUF). */
export const CLAIM_DESCRIPTIONS: Readonly<Record<ClaimType, readonly string[]>> = {
  collision_liability: [
    'Parkolóból tolatva nekimentem egy álló személyautó bal első ajtajának.',
    'Piros jelzésnél megálló autónak hátulról nekiütköztem; a másik autó lökhárítója és csomagtérajtaja sérült.',
    'Sávváltáskor nem vettem észre a mellettem haladó járművet, annak jobb oldala megsérült.',
  ],
  collision: [
    'Esős úton megcsúszott az autó, és a szalagkorlátnak ütköztem; a jobb első sárvédő és a fényszóró sérült.',
    'Egy őz ugrott az autó elé; az ütközéstől betört a hűtőrács, és behorpadt a motorháztető.',
  ],
  theft: [
    'Az éjszaka folyamán a ház elől ellopták a gépjárművet; a rendőrségi feljelentést megtettem.',
    'A parkolóházban feltörték az autót, és kiszerelték a fedélzeti multimédiás egységet.',
  ],
  glass: [
    'Az előttem haladó teherautóról felpattanó kő megrepesztette a szélvédőt.',
    'Kőfelverődés miatt a szélvédőn kb. 20 cm-es repedés keletkezett a vezető látómezejében.',
  ],
  natural_damage: [
    'A jégeső a tetőt és a motorháztetőt több helyen behorpasztotta.',
    'A viharban egy letört faág zuhant a parkoló autóra; a tető és a hátsó szélvédő sérült.',
  ],
  vandalism: ['Ismeretlen tettes összekarcolta az autó bal oldalát, és letörte a visszapillantó tükröt.'],
  water_leak: [
    'A fürdőszobában csőtörés történt; a víz a szomszéd lakás mennyezetét is eláztatta.',
    'Elrepedt a mosógép befolyócsöve, a konyha padlója és a szekrények alja beázott.',
  ],
  fire: ['A tűzhelyen felejtett edény meggyulladt; a konyhabútor leégett, a mennyezet és a falak kormosak lettek.'],
  burglary: ['Távollétünk alatt a bejárati ajtó zárját kifúrva betörtek a lakásba; laptopot, ékszereket és készpénzt vittek el.'],
  storm: [
    'A viharos szél megrongálta a tetőt: több cserép lesodródott, és beázott a padlástér.',
    'Villámcsapás után tönkrement a hűtőszekrény, a televízió és a kazán vezérlőpanelje.',
  ],
  medical: [
    'Az utazás harmadik napján magas lázzal kórházba kerültem, ahol két napig kezeltek.',
    'Túrázás közben kificamodott a bokám; helyi orvosi ellátásra és röntgenre volt szükség.',
  ],
  luggage: [
    'A légitársaság elveszítette a feladott bőröndömet; a poggyász-rendellenességi jegyzőkönyv (PIR) elkészült.',
    'A bőrönd sérülten érkezett meg: letört a kereke és a fogantyúja, a tartalma átázott.',
  ],
  cancellation: ['Hirtelen betegség miatt le kellett mondanunk az utazást; az orvosi igazolást csatolom.'],
  delay: ['A járat kilenc órát késett, így az első éjszakai szállást nem tudtuk igénybe venni.'],
};

export const CLAIM_DAMAGE_RANGE: Readonly<Record<ClaimType, readonly [number, number]>> = {
  collision_liability: [150_000, 1_500_000],
  collision: [200_000, 2_500_000],
  theft: [300_000, 6_000_000],
  glass: [60_000, 250_000],
  natural_damage: [150_000, 900_000],
  vandalism: [80_000, 400_000],
  water_leak: [100_000, 1_200_000],
  fire: [300_000, 4_000_000],
  burglary: [200_000, 2_000_000],
  storm: [100_000, 1_500_000],
  medical: [80_000, 2_000_000],
  luggage: [40_000, 250_000],
  cancellation: [100_000, 600_000],
  delay: [20_000, 60_000],
};
