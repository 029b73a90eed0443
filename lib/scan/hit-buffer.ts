/**
 * Hits kept as fixed-width records of int32 fields in one growable typed array: a page with
 * thousands of automaton hits keeps them without an object (or a string) each.
 */
export class HitBuffer {
  /** Records one after another, `width` fields each; only the first `length` records are valid. */
  data: Int32Array;
  /** Records held. */
  length = 0;

  constructor(
    /** Fields per record: 2 to 4. */
    readonly width: number,
    capacity = 64,
  ) {
    this.data = new Int32Array(width * capacity);
  }

  /** Appends a record; arguments past the buffer's width are ignored. */
  push(a: number, b: number, c = 0, d = 0): void {
    const width = this.width;
    const at = this.length * width;
    if (at + width > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const data = this.data;
    data[at] = a;
    data[at + 1] = b;
    if (width > 2) data[at + 2] = c;
    if (width > 3) data[at + 3] = d;
    this.length++;
  }

  /** Field `field` of record `record`. */
  get(record: number, field: number): number {
    return this.data[record * this.width + field]!;
  }

  /**
   * Indexes of records [first, length) ordered by `field`, records with equal values in the order
   * they were added (as a stable sort of objects would order them).
   */
  orderBy(field: number, first = 0): number[] {
    const { data, width } = this;
    const order: number[] = [];
    // The automaton reports hits by where they end, so starts are out of order only among overlapping
    // hits: an insertion from the back moves each a step or two. A hostile order falls back to a sort.
    let budget = 8 * (this.length - first) + 64;
    for (let i = first; i < this.length; i++) {
      const value = data[i * width + field]!;
      let at = order.length;
      while (at > 0 && data[order[at - 1]! * width + field]! > value && budget-- > 0) {
        order[at] = order[at - 1]!;
        at--;
      }
      order[at] = i;
      if (budget <= 0) {
        for (let j = i + 1; j < this.length; j++) order.push(j);
        return order.sort((a, b) => data[a * width + field]! - data[b * width + field]! || a - b);
      }
    }
    return order;
  }
}
