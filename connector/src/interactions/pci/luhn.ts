/** Luhn check over digits[start, end): the rightmost digit has weight 1, the next 2, and so on. */
export function isLuhnValid(digits: readonly number[], start = 0, end = digits.length): boolean {
  let sum = 0;
  let double = false;
  for (let i = end - 1; i >= start; i--) {
    let d = digits[i] as number;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
