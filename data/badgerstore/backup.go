package badgerstore

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"

	"dossier/data"
)

// backupMagic starts every Dossier backup file.
const backupMagic = "DOSSIER-BACKUP 1\n"

// Backup writes a consistent copy of every record and index to w: a header,
// then Badger's backup stream, gzipped.
func (s *Store) Backup(w io.Writer) error {
	if _, err := io.WriteString(w, backupMagic); err != nil {
		return err
	}
	zw := gzip.NewWriter(w)
	if _, err := s.db.Backup(zw, 0); err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	return zw.Close()
}

// Restore loads a backup. A database that holds records is refused unless
// replace is set, in which case its records are dropped first.
func (s *Store) Restore(r io.Reader, replace bool) error {
	br := bufio.NewReader(r)
	head := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != backupMagic {
		return data.Errorf(data.EInvalid, "This file is not a Dossier backup.")
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return data.Errorf(data.EInvalid, "The backup is damaged: %v.", err)
	}
	c, err := s.Counts()
	if err != nil {
		return err
	}
	if c != (data.Counts{}) {
		if !replace {
			return data.Errorf(data.EInvalid, "This database already holds %d articles, %d events and %d actors: restore into an empty folder, or replace them on purpose.", c.Articles, c.Events, c.Actors)
		}
		if err := s.db.DropAll(); err != nil {
			return err
		}
	}
	if err := s.db.Load(zr, 256); err != nil {
		if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, io.ErrUnexpectedEOF) {
			return data.Errorf(data.EInvalid, "The backup is damaged or cut short; nothing usable was restored.")
		}
		return fmt.Errorf("restore: %w", err)
	}
	return s.migrate()
}
