import { useEffect, useState } from 'preact/hooks';
import type { ArchiveIndex } from '../../lib/archive/archive-index';

export type PartsState = 'ready' | 'loading' | 'failed';

/** Loads parts of the archive a view needs; the component renders again once they are there. */
export function useParts(archive: ArchiveIndex, names: readonly string[]): PartsState {
  const key = names.join(' ');
  const ready = archive.has(names);
  const [settled, setSettled] = useState<{ key: string; failed: boolean }>();
  useEffect(() => {
    if (ready) return;
    let live = true;
    archive.load(names).then(
      () => live && setSettled({ key, failed: false }),
      (error: unknown) => {
        console.error(error);
        if (live) setSettled({ key, failed: true });
      },
    );
    return () => {
      live = false;
    };
    // `key` stands for `names`, a new array on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [archive, key, ready]);
  return ready ? 'ready' : settled?.key === key && settled.failed ? 'failed' : 'loading';
}
