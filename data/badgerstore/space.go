package badgerstore

import "dossier/data"

// minFree is the space a write needs left on the disk. Badger writes
// through memory-mapped files, and a full disk under a mapping kills the
// process outright (SIGBUS), so Dossier refuses a write well before that:
// room for a memtable flush and a value-log file.
const minFree = 3*memTableSize + valueLogFileSize

// roomToWrite says, as a sentence, when the disk is too full to write safely.
func (s *Store) roomToWrite() error {
	if s.inMemory {
		return nil
	}
	free, ok := freeBytes(s.path)
	if !ok || free >= minFree {
		return nil
	}
	return data.Errorf(data.EDiskFull, "The disk holding the database is full (%d MB free; Dossier needs %d MB to write safely). Nothing was saved just now, and everything saved before is safe: free some space and try again.",
		free>>20, uint64(minFree)>>20)
}
