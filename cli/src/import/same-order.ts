/**
 * The API's rule for telling orders apart: one order per referenceId and orderedAt at most
 * two days apart (an update matches an order so).
 */
export const SAME_ORDER_MS = 2 * 24 * 60 * 60 * 1000;

/** Whether two orderedAt times (ms) with the same referenceId are one order. */
export function sameOrderTime(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_ORDER_MS;
}
