/**
 * Real postcode–city pairs (Budapest postcodes are per district) with the county code a
 * company seated there gets in its tax number (Budapest: 41–44).
 */
export interface Place {
  postcode: string;
  city: string;
  countyCode: number;
}

const bp = (postcode: string): Place => ({ postcode, city: 'Budapest', countyCode: 41 + (Number(postcode[2]) % 4) });

export const PLACES: readonly Place[] = [
  bp('1011'),
  bp('1052'),
  bp('1065'),
  bp('1073'),
  bp('1088'),
  bp('1095'),
  bp('1113'),
  bp('1134'),
  bp('1149'),
  bp('1173'),
  bp('1203'),
  { postcode: '4025', city: 'Debrecen', countyCode: 9 },
  { postcode: '4024', city: 'Debrecen', countyCode: 9 },
  { postcode: '6720', city: 'Szeged', countyCode: 6 },
  { postcode: '6722', city: 'Szeged', countyCode: 6 },
  { postcode: '7621', city: 'Pécs', countyCode: 2 },
  { postcode: '9021', city: 'Győr', countyCode: 8 },
  { postcode: '3525', city: 'Miskolc', countyCode: 5 },
  { postcode: '4400', city: 'Nyíregyháza', countyCode: 15 },
  { postcode: '6000', city: 'Kecskemét', countyCode: 3 },
  { postcode: '8000', city: 'Székesfehérvár', countyCode: 7 },
  { postcode: '9700', city: 'Szombathely', countyCode: 18 },
  { postcode: '5000', city: 'Szolnok', countyCode: 16 },
  { postcode: '2800', city: 'Tatabánya', countyCode: 11 },
  { postcode: '7400', city: 'Kaposvár', countyCode: 14 },
  { postcode: '3300', city: 'Eger', countyCode: 10 },
  { postcode: '8200', city: 'Veszprém', countyCode: 19 },
  { postcode: '8900', city: 'Zalaegerszeg', countyCode: 20 },
  { postcode: '2400', city: 'Dunaújváros', countyCode: 7 },
  { postcode: '5600', city: 'Békéscsaba', countyCode: 4 },
  { postcode: '7100', city: 'Szekszárd', countyCode: 17 },
  { postcode: '3100', city: 'Salgótarján', countyCode: 12 },
  { postcode: '6500', city: 'Baja', countyCode: 3 },
  { postcode: '2000', city: 'Szentendre', countyCode: 13 },
  { postcode: '2040', city: 'Budaörs', countyCode: 13 },
  { postcode: '2100', city: 'Gödöllő', countyCode: 13 },
  { postcode: '9400', city: 'Sopron', countyCode: 8 },
  { postcode: '8800', city: 'Nagykanizsa', countyCode: 20 },
  { postcode: '6800', city: 'Hódmezővásárhely', countyCode: 6 },
  { postcode: '4200', city: 'Hajdúszoboszló', countyCode: 9 },
  { postcode: '3200', city: 'Gyöngyös', countyCode: 10 },
  { postcode: '2500', city: 'Esztergom', countyCode: 11 },
  { postcode: '8230', city: 'Balatonfüred', countyCode: 19 },
  { postcode: '8600', city: 'Siófok', countyCode: 14 },
  { postcode: '2600', city: 'Vác', countyCode: 13 },
];

/** Holiday-home places for a second home policy. */
export const HOLIDAY_PLACES: readonly Place[] = PLACES.filter((p) => ['Balatonfüred', 'Siófok', 'Hajdúszoboszló', 'Szentendre'].includes(p.city));

export const STREETS = [
  'Petőfi Sándor utca',
  'Kossuth Lajos utca',
  'Rákóczi út',
  'Ady Endre utca',
  'Arany János utca',
  'Béke utca',
  'Szabadság tér',
  'Széchenyi utca',
  'Dózsa György út',
  'Jókai Mór utca',
  'Bem József utca',
  'Kölcsey Ferenc utca',
  'Vörösmarty utca',
  'Táncsics Mihály utca',
  'Fő utca',
  'Hunyadi utca',
  'Deák Ferenc utca',
  'Bartók Béla út',
  'Móricz Zsigmond utca',
  'Tavasz utca',
  'Rózsa utca',
  'Fürdő utca',
  'Szőlő utca',
  'Erdő utca',
  'Zöldfa utca',
  'Őz utca',
  'Gyöngyvirág utca',
  'Hűvösvölgyi út',
  'Tűzoltó utca',
  'Kőfaragó utca',
] as const;

/** Travel destinations by zone. */
export const DESTINATIONS = {
  europe: ['Horvátország', 'Olaszország', 'Ausztria', 'Görögország', 'Spanyolország', 'Franciaország', 'Csehország', 'Európa (több ország)'],
  world: ['Egyesült Államok', 'Thaiföld', 'Egyiptom', 'Törökország', 'Japán', 'Világ (több ország)'],
} as const;

export const FOREIGN_CITIES: Readonly<Record<string, string>> = {
  Horvátország: 'Split',
  Olaszország: 'Róma',
  Ausztria: 'Bécs',
  Görögország: 'Kréta, Hersonissos',
  Spanyolország: 'Barcelona',
  Franciaország: 'Párizs',
  Csehország: 'Prága',
  'Európa (több ország)': 'München',
  'Egyesült Államok': 'New York',
  Thaiföld: 'Phuket',
  Egyiptom: 'Hurghada',
  Törökország: 'Antalya',
  Japán: 'Tokió',
  'Világ (több ország)': 'Dubaj',
};
