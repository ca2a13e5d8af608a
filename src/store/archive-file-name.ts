/**
 * The archive file's name in the data directory, in a module of its own: `lumen list`, `search`
 * and `ask` stat it on their short paths without loading lowdb or the archive's schema.
 */
export const ARCHIVE_FILE_NAME = 'archive.json';
