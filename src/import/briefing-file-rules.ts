/**
 * Which files are briefings, for a folder import and the inbox alike (issue 12): every file a
 * single-file import takes (`.md`, `.markdown`, `.txt`: exporters name briefings
 * `000_4dd67e00ecd1d115.txt`), except hidden files and READMEs. Everything else is skipped with
 * its reason, so a folder that imports nothing says why.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';

export const BRIEFING_EXTENSIONS = ['.md', '.markdown', '.txt'] as const;

export type FileVerdict = { importable: true } | { importable: false; reason: string };

/** Whether a file (by its name alone) is a briefing to import, and if not, why. */
export function classifyBriefingFile(name: string): FileVerdict {
  if (name.startsWith('.')) return { importable: false, reason: 'hidden file' };
  if (/^readme(\.[^.]*)?$/i.test(name)) return { importable: false, reason: 'a README, not a briefing' };
  const extension = /\.[^.]+$/.exec(name)?.[0].toLowerCase();
  if (!extension || !(BRIEFING_EXTENSIONS as readonly string[]).includes(extension)) {
    return { importable: false, reason: `not a briefing file (${extension ? `"${extension}"` : 'no extension'}; briefings are ${BRIEFING_EXTENSIONS.join(', ')})` };
  }
  return { importable: true };
}

export interface SkippedFile {
  file: string;
  reason: string;
}

/**
 * The briefing files under a folder (recursively, sorted), named from the folder as given (so
 * output shows the paths the user typed), and the entries skipped. Hidden folders are skipped whole.
 */
export async function walkBriefingFolder(folder: string, readRoot: string): Promise<{ files: { file: string; path: string }[]; skipped: SkippedFile[] }> {
  const files: { file: string; path: string }[] = [];
  const skipped: SkippedFile[] = [];
  const shown = (rel: string) => (folder.endsWith('/') || folder.endsWith('\\') ? `${folder}${rel}` : `${folder}/${rel}`);
  const visit = async (rel: string): Promise<void> => {
    const entries: Dirent[] = await readdir(rel ? `${readRoot}/${rel}` : readRoot, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.')) skipped.push({ file: shown(child), reason: 'hidden folder' });
        else await visit(child);
        continue;
      }
      if (!entry.isFile()) {
        skipped.push({ file: shown(child), reason: 'not a regular file' });
        continue;
      }
      const verdict = classifyBriefingFile(entry.name);
      if (verdict.importable) files.push({ file: shown(child), path: `${readRoot}/${child}` });
      else skipped.push({ file: shown(child), reason: verdict.reason });
    }
  };
  await visit('');
  return { files, skipped };
}
