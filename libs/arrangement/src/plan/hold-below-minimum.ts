/**
 * RULES.md §2 invariant 5: a share below the minimum instalment is not dropped. It is held (in the
 * plan's account) and paid once what the claim is due reaches the minimum, or when it is the claim's
 * last payment, or in the plan's last month. Without a minimum (0) every share is paid at once.
 *
 * `cumulative[m][i]` is what claim i is entitled to after month m + 1 (from apportionMonths);
 * returns the payments per month and what is held after each month.
 */
export function holdBelowMinimum(params: {
  readonly cumulative: readonly (readonly number[])[];
  readonly minimumCents: number;
}): { readonly payments: number[][]; readonly held: number[] } {
  const { cumulative, minimumCents } = params;
  const last = cumulative[cumulative.length - 1] ?? [];
  const paidSoFar = new Array<number>(last.length).fill(0);
  const payments: number[][] = [];
  const held: number[] = [];
  cumulative.forEach((entitled, month) => {
    const isLastMonth = month === cumulative.length - 1;
    const thisMonth = new Array<number>(entitled.length).fill(0);
    let heldNow = 0;
    entitled.forEach((amount, index) => {
      const due = amount - (paidSoFar[index] ?? 0);
      if (due <= 0) return;
      if (due >= minimumCents || amount === last[index] || isLastMonth) {
        thisMonth[index] = due;
        paidSoFar[index] = amount;
      } else {
        heldNow += due;
      }
    });
    payments.push(thisMonth);
    held.push(heldNow);
  });
  return { payments, held };
}
