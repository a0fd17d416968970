/**
 * Every row of one of the service's tables in id order, `size` at a time (keyset pages: each as
 * fast as the first, however many there are), for a switch back that must not hold them all.
 */
export async function* kasaPages<T extends { id: number }>(
  page: (after: number, size: number) => Promise<T[]>,
  size = 2_000,
): AsyncGenerator<T[]> {
  for (let after = 0; ; ) {
    const rows = await page(after, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = rows.at(-1)!.id;
  }
}
