import type { InsuredProperty, InsuredTravel, InsuredVehicle } from '../../kernel/insured-object.ts';
import { DESTINATIONS, HOLIDAY_PLACES } from '../data/places.ts';
import { BONUS_MALUS, CARS, VANS } from '../data/vehicles.ts';
import { daysBetween } from '../dates.ts';
import { plate, unique, vin } from '../identity.ts';
import type { SeedCustomer } from '../model.ts';
import type { Random } from '../random.ts';
import type { SeedContext } from './context.ts';
import { addressLine } from './customers.ts';

/** The insured objects: a car or van, a flat or house, a trip. */
/** A vehicle made no later than the year its cover starts. */
export function vehicle(ctx: SeedContext, r: Random, fleet: boolean, withBonusMalus: boolean, startDate: string): InsuredVehicle {
  const models: readonly (readonly [string, string])[] = fleet ? VANS : CARS;
  const [make, model] = r.pick(models);
  const year = Number(startDate.slice(0, 4)) - r.int(0, 14);
  const plates = r.fork();
  const object: InsuredVehicle = {
    kind: 'vehicle',
    plate: unique(ctx.taken.plates, () => plate(plates, year)),
    make,
    model,
    year,
    vin: vin(r),
  };
  // New drivers start at A0; most long-standing ones have climbed to the B classes.
  if (withBonusMalus) object.bonusMalus = r.weighted(BONUS_MALUS.map((c, i) => [c, i < 4 ? 1 : i === 4 ? 8 : i === 14 ? 20 : 6] as const));
  return object;
}

/** The agreed value a CASCO policy is written for, by vehicle age and type. */
export function vehicleValueHuf(ctx: SeedContext, r: Random, object: InsuredVehicle, fleet: boolean): number {
  const age = Number(ctx.today.slice(0, 4)) - object.year;
  const newPrice = fleet ? r.int(90, 220) * 100_000 : r.int(55, 180) * 100_000;
  return Math.max(800_000, Math.round((newPrice * Math.pow(0.88, age)) / 100_000) * 100_000);
}

export function property(ctx: SeedContext, r: Random, owner: SeedCustomer): InsuredProperty {
  const home = owner.kind === 'person' && r.chance(0.82);
  const where = home ? { postcode: owner.postcode, city: owner.city } : r.pick(HOLIDAY_PLACES);
  const flat = where.city === 'Budapest' ? r.chance(0.85) : r.chance(0.35);
  const floorAreaM2 = flat ? r.int(32, 110) : r.int(70, 220);
  return {
    kind: 'property',
    address: { postcode: where.postcode, city: where.city, addressLine: home ? owner.addressLine : addressLine(r, where.city) },
    propertyType: flat ? 'flat' : 'house',
    floorAreaM2,
    buildYear: Number(ctx.today.slice(0, 4)) - r.int(2, 100),
    buildingSumHuf: Math.round((floorAreaM2 * r.int(350, 700)) / 100) * 100_000,
    contentsSumHuf: r.int(20, 150) * 100_000,
  };
}

export function trip(r: Random, cover: 'single' | 'annual', start: string, end: string): InsuredTravel {
  const zone = r.chance(0.75) ? 'europe' : 'world';
  return {
    kind: 'travel',
    cover,
    zone,
    destination: r.pick(DESTINATIONS[zone]),
    travellers: r.weighted([
      [1, 30],
      [2, 35],
      [3, 15],
      [4, 20],
    ] as const),
    tripStart: start,
    tripEnd: end,
  };
}

export function tripDays(object: InsuredTravel): number {
  return daysBetween(object.tripStart, object.tripEnd) + 1;
}
