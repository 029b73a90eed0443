import { ArchiveIndex } from '../../../../lib/archive/archive-index';
import { type ChunkBudgets, partNames, splitPack } from '../../../../lib/archive/split';
import type { KnowledgePack } from '../../../../lib/knowledge/types';

/** An archive index over the pack cut as the build cuts it, with every part loaded. */
export async function loadedArchive(pack: KnowledgePack, budgets?: Partial<ChunkBudgets>): Promise<ArchiveIndex> {
  const { core, parts } = splitPack(pack, budgets);
  const archive = new ArchiveIndex(core, (name) => Promise.resolve(parts.get(name)));
  await archive.load(partNames(core));
  return archive;
}
