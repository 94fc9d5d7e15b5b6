/**
 * `make`, remembered by its text argument: for work a build does again and again on the same few
 * large texts (the runtime, the base stylesheet, a theme) or small keys (a number format). Past
 * `limit` texts the remembered ones are let go, so a long-running dev server or a deck with
 * many distinct keys never holds more than that.
 */
export function keptByText<Value>(limit: number, make: (text: string) => Value): (text: string) => Value {
  const kept = new Map<string, Value>();
  return (text) => {
    let value = kept.get(text);
    if (value === undefined) {
      value = make(text);
      if (kept.size >= limit) kept.clear();
      kept.set(text, value);
    }
    return value;
  };
}
