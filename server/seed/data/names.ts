/**
 * Hungarian names (family name first, as Hungarians write them). The lists lean on accented
 * letters on purpose (ő, ű, ö, ü, á…): every screen, PDF and e-mail must render them.
 */
export const FAMILY_NAMES = [
  'Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh', 'Farkas',
  'Balogh', 'Papp', 'Takács', 'Juhász', 'Lakatos', 'Mészáros', 'Oláh', 'Simon', 'Rácz', 'Fekete',
  'Szilágyi', 'Török', 'Fehér', 'Balázs', 'Gál', 'Kis', 'Szűcs', 'Kocsis', 'Orsós', 'Pintér',
  'Fodor', 'Szalai', 'Sipos', 'Magyar', 'Lukács', 'Gulyás', 'Bíró', 'Király', 'Katona', 'László',
  'Szőke', 'Győri', 'Fülöp', 'Ürge', 'Őry', 'Vörös', 'Sütő', 'Csörgő', 'Lőrincz', 'Kőműves',
  'Bűdi', 'Szőnyi', 'Gyöngyösi', 'Hegedűs', 'Fűzi', 'Ördög', 'Bárány', 'Tőkés', 'Erdős', 'Kürti',
] as const;

export const FEMALE_GIVEN_NAMES = [
  'Anna', 'Erzsébet', 'Katalin', 'Éva', 'Zsófia', 'Ildikó', 'Judit', 'Ágnes', 'Réka', 'Eszter',
  'Nóra', 'Tünde', 'Gyöngyi', 'Bernadett', 'Dóra', 'Lili', 'Hanna', 'Boglárka', 'Emőke', 'Enikő',
  'Tímea', 'Krisztina', 'Orsolya', 'Csilla', 'Erika', 'Rózsa', 'Piroska', 'Ünige', 'Gyöngyvér', 'Melinda',
] as const;

export const MALE_GIVEN_NAMES = [
  'László', 'István', 'József', 'Zoltán', 'Sándor', 'Gábor', 'Péter', 'Attila', 'Tamás', 'János',
  'Ferenc', 'Balázs', 'Dávid', 'Bence', 'Máté', 'Levente', 'Ödön', 'Győző', 'Csongor', 'Előd',
  'Örs', 'Gyula', 'Lőrinc', 'Zsolt', 'Ákos', 'Béla', 'Dezső', 'Jenő', 'Kálmán', 'Tibor',
] as const;
