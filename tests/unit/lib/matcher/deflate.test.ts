import { describe, expect, it } from 'vitest';
import { deflateBytes, inflateBytes } from '../../../../lib/matcher/deflate';

/** Bytes no compressor can shrink (a fixed xorshift sequence), then long runs it shrinks to almost nothing. */
function sample(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = 2463534242;
  for (let i = 0; i < length / 2; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  for (let i = Math.ceil(length / 2); i < length; i++) bytes[i] = i % 7;
  return bytes;
}

describe('DEFLATE through the native streams', () => {
  it('gives back exactly the bytes it was given, at sizes below and across the streams’ chunks', async () => {
    for (const length of [0, 1, 100, 65_535, 65_536, 65_537, 1_000_003]) {
      const bytes = sample(length);
      const inflated = await inflateBytes(await deflateBytes(bytes), length);
      expect(inflated.byteOffset).toBe(0);
      // Buffer's comparison: toEqual walks a megabyte element by element for seconds.
      expect(Buffer.compare(inflated, bytes)).toBe(0);
    }
  });

  it('shrinks what repeats', async () => {
    const runs = new Uint8Array(1_000_000).map((_, i) => i % 7);
    expect((await deflateBytes(runs)).length).toBeLessThan(10_000);
  });

  it('rejects a stream that is not DEFLATE, is damaged or cut short, or inflates to another length', async () => {
    const bytes = sample(200_000);
    const deflated = await deflateBytes(bytes);
    await expect(inflateBytes(deflated, bytes.length - 1)).rejects.toThrow(/longer than expected/);
    await expect(inflateBytes(deflated, bytes.length + 1)).rejects.toThrow(/shorter than expected/);
    await expect(inflateBytes(deflated.subarray(0, deflated.length >> 1), bytes.length)).rejects.toThrow();
    // One byte changed in the compressible half: the stream still inflates, the checksum tells.
    for (const at of [deflated.length - 100, deflated.length - 5]) {
      const damaged = deflated.slice();
      damaged[at] = deflated[at]! ^ 0x01;
      await expect(inflateBytes(damaged, bytes.length)).rejects.toThrow();
    }
    await expect(inflateBytes(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 4)).rejects.toThrow();
  });
});
