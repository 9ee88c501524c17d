import { roundTo } from '../decimal.js';
import { nonNegative } from './money.js';

/**
 * Money value of a penalty stated in working hours (Part 4 penalises "one to seven working hours"):
 * hours x the hourly rate, rounded half-up to cents. Fractions of an hour are allowed.
 * Example: workHourPenalty('5', '8.05') -> '40.25'
 */
export function workHourPenalty(hours: string, ratePerHour: string): string {
  const h = nonNegative(hours, ['hours']);
  const rate = nonNegative(ratePerHour, ['ratePerHour']);
  return roundTo(h.times(rate), 2, 'halfUp').toFixed(2);
}
