// The queues keep their entries in parallel typed arrays that double when
// full; each array grows the same way.
type TypedArray = Float64Array | Int32Array;

/** A copy of `a` with room for `capacity` entries (the rest zero). */
export function grown<T extends TypedArray>(a: T, capacity: number): T {
  const bigger = new (a.constructor as new (length: number) => T)(capacity);
  bigger.set(a);
  return bigger;
}
