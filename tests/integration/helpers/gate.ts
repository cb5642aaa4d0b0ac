/** A promise and the function that settles it: holds a transaction open until the test says so. */
export function gate() {
  let open!: () => void;
  const closed = new Promise<void>((resolve) => (open = resolve));
  return { closed, open };
}
