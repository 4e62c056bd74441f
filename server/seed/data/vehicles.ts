/** Common makes and models on Hungarian roads; vans for fleets. */
export const CARS = [
  ['Suzuki', 'Vitara'],
  ['Suzuki', 'Swift'],
  ['Škoda', 'Octavia'],
  ['Škoda', 'Fabia'],
  ['Opel', 'Astra'],
  ['Volkswagen', 'Golf'],
  ['Volkswagen', 'Passat'],
  ['Toyota', 'Corolla'],
  ['Toyota', 'Yaris'],
  ['Ford', 'Focus'],
  ['Renault', 'Clio'],
  ['Dacia', 'Duster'],
  ['Dacia', 'Logan'],
  ['Kia', 'Ceed'],
  ['Hyundai', 'i30'],
  ['BMW', '320d'],
  ['Audi', 'A4'],
  ['Mercedes-Benz', 'C 200'],
  ['Peugeot', '308'],
  ['Fiat', '500'],
] as const;

export const VANS = [
  ['Ford', 'Transit'],
  ['Volkswagen', 'Crafter'],
  ['Mercedes-Benz', 'Sprinter'],
  ['Renault', 'Master'],
  ['Iveco', 'Daily'],
  ['Fiat', 'Ducato'],
  ['Opel', 'Vivaro'],
] as const;

/** KGFB bonus-malus classes from worst to best; new drivers start at A0. */
export const BONUS_MALUS = ['M4', 'M3', 'M2', 'M1', 'A0', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10'] as const;
