/**
 * The months a plan of `total` cents runs at `capacity` a month: until everything (repayment) or the
 * pot (settlement) is paid; none when there is nothing to pay or nothing to pay it with. The one
 * definition the engine and a creditor's check of its share both use.
 */
export function planMonths(total: number, capacity: number): number {
  return capacity === 0 || total === 0 ? 0 : Math.ceil(total / capacity);
}
