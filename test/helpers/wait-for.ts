/** Poll until `items()` holds at least `count` entries; rejects with what it saw after `timeoutMs`. */
export async function waitFor<T>(items: () => readonly T[], count: number, timeoutMs = 5000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  while (items().length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} items, saw ${items().length}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return items().slice();
}
