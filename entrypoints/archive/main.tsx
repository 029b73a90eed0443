import { render } from 'preact';
import packJson from '../../assets/knowledge.json';
import type { KnowledgePack } from '../../lib/knowledge/types';
import { ArchiveApp } from './ArchiveApp';
import '../../components/status.css';
import '../../components/card.css';
import './archive.css';

// The benchmark reads this mark: by now the pack is loaded and parsed. (A plain JSON import, which
// Vite emits as an object literal, parsed as fast as fetch + JSON.parse and faster than a ?raw string
// + JSON.parse with a pack 100 times today's; see tests/bench/archive-bench.ts.)
performance.mark('backstory:archive:pack-ready');
render(<ArchiveApp pack={packJson as KnowledgePack} />, document.getElementById('app')!);
