import { describe, expect, it } from 'vitest';
import { readInSlices } from '../../../../lib/matcher/read-stream';

const streamOf = (chunks: number[][]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      controller.close();
    },
  });

describe('readInSlices', () => {
  it('reads every byte in order and gives way after each slice', async () => {
    const turns: number[] = [];
    let read = 0;
    const chunks = [[1, 2, 3], [4, 5], [6], [7, 8, 9, 10]];
    const bytes = await readInSlices(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          const chunk = chunks.shift();
          if (!chunk) return controller.close();
          read += chunk.length;
          controller.enqueue(new Uint8Array(chunk));
        },
      }),
      () => {
        turns.push(read);
        return Promise.resolve();
      },
      4,
    );
    expect([...bytes]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(turns).toEqual([5, 10]);
  });

  it('returns an empty array for an empty stream, without giving way', async () => {
    let turns = 0;
    const bytes = await readInSlices(streamOf([]), () => Promise.resolve(void turns++));
    expect(bytes.byteLength).toBe(0);
    expect(turns).toBe(0);
  });
});
