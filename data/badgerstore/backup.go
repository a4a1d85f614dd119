package badgerstore

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"dossier/data"
	"dossier/data/sealed"
)

// Backup file headers: plain, or sealed with the database's passphrase (a
// JSON line of key parameters follows the sealed header).
const (
	backupMagic       = "DOSSIER-BACKUP 1\n"
	sealedBackupMagic = "DOSSIER-BACKUP 1 SEALED\n"
)

// Backup writes a consistent copy of every record and index to w: a header,
// then Badger's backup stream, gzipped, and for an encrypted database sealed
// with AES-GCM under a key from its passphrase, so the backup stays secret.
func (s *Store) Backup(w io.Writer) error {
	if s.damage != nil {
		return s.damage
	}
	out, closeSeal, err := s.backupWriter(w)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(out)
	if err := writeBackupStream(s.db, zw); err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return closeSeal()
}

func (s *Store) backupWriter(w io.Writer) (io.Writer, func() error, error) {
	if s.passphrase == nil {
		_, err := io.WriteString(w, backupMagic)
		return w, func() error { return nil }, err
	}
	p := newKeyParams()
	head, _ := json.Marshal(p)
	if _, err := fmt.Fprintf(w, "%s%s\n", sealedBackupMagic, head); err != nil {
		return nil, nil, err
	}
	sw := sealed.NewWriter(sealed.AEAD(p.key(s.passphrase)), w, nil)
	return sw, sw.Close, nil
}

// backupReader checks the header and unseals a sealed backup.
func (s *Store) backupReader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, err := br.ReadString('\n')
	switch {
	case err == nil && head == backupMagic:
		return br, nil
	case err == nil && head == sealedBackupMagic:
		line, err := br.ReadString('\n')
		var p keyParams
		if err != nil || json.Unmarshal([]byte(line), &p) != nil {
			return nil, data.Errorf(data.EInvalid, "The backup is damaged.")
		}
		if s.passphrase == nil {
			return nil, data.Errorf(data.ENeedPassphrase, "This backup is encrypted: give its passphrase (--passphrase-file FILE); the database it is restored into will be encrypted with it.")
		}
		return sealed.NewReader(sealed.AEAD(p.key(s.passphrase)), br, nil), nil
	}
	return nil, data.Errorf(data.EInvalid, "This file is not a Dossier backup.")
}

// Restore loads a backup. A database that holds records is refused unless
// replace is set, in which case its records are dropped first.
func (s *Store) Restore(ctx context.Context, r io.Reader, replace bool) error {
	in, err := s.backupReader(r)
	if err != nil {
		return err
	}
	zr, err := gzip.NewReader(in)
	if err != nil {
		if errors.Is(err, sealed.ErrBadSeal) {
			return data.Errorf(data.EInvalid, "The backup cannot be opened: %v.", err)
		}
		return data.Errorf(data.EInvalid, "The backup is damaged: %v.", err)
	}
	if err := s.roomToWrite(); err != nil {
		return err
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
	if err := s.db.Load(zr, restoreWrites); err != nil {
		if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, sealed.ErrBadSeal) {
			return data.Errorf(data.EInvalid, "The backup is damaged or cut short; nothing usable was restored.")
		}
		return fmt.Errorf("restore: %w", err)
	}
	// The analyst stays who works here, whoever's backup it was.
	if err := s.setIdentity(s.identity); err != nil {
		return err
	}
	if err := s.migrate(); err != nil {
		return err
	}
	seq, err := s.lastSeq()
	if err != nil {
		return err
	}
	s.forceWitness(seq)
	s.feed.Publish([]data.Change{{Reset: true, Origin: data.OriginOf(ctx), By: s.identity.analyst.ID}})
	return nil
}

// VerifyBackup reads a whole backup without loading it: the header, the
// seal (with this database's passphrase), the gzip checksum, and the length
// of each list of records, which Badger's loader would allocate before
// reading it (a crafted length would take all the memory there is).
func (s *Store) VerifyBackup(r io.Reader) error {
	in, err := s.backupReader(r)
	if err != nil {
		return err
	}
	zr, err := gzip.NewReader(in)
	if err == nil {
		err = checkLists(zr)
	}
	if err != nil {
		return data.Errorf(data.EInvalid, "The backup cannot be read whole (%v); nothing was restored.", err)
	}
	return nil
}

// maxList is the longest list of records a backup may hold: Badger's own
// stream wrote lists of up to about 100 MB, Dossier's are about 1 MB.
const maxList = 256 << 20

// checkLists reads a backup stream list by list, refusing a length past
// maxList.
func checkLists(r io.Reader) error {
	br := bufio.NewReader(r)
	for {
		var head [8]byte
		if _, err := io.ReadFull(br, head[:]); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		n := binary.LittleEndian.Uint64(head[:])
		if n > maxList {
			return fmt.Errorf("a list of records %d bytes long, past %d", n, maxList)
		}
		if _, err := io.CopyN(io.Discard, br, int64(n)); err != nil {
			return err
		}
	}
}

// ResealBackup copies a backup from in to out, opened with the passphrase
// it was sealed with (oldPass) and sealed again with newPass (left plain
// when newPass is empty), so that a changed passphrase covers the backups
// too. The content is never written out in the clear.
func ResealBackup(in io.Reader, out io.Writer, oldPass, newPass []byte) error {
	r, err := (&Store{passphrase: nonEmpty(oldPass)}).backupReader(in)
	if err != nil {
		return err
	}
	w, closeSeal, err := (&Store{passphrase: nonEmpty(newPass)}).backupWriter(out)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, r); err != nil {
		if errors.Is(err, sealed.ErrBadSeal) {
			return data.Errorf(data.EInvalid, "The backup cannot be opened with the old passphrase: %v.", err)
		}
		return err
	}
	return closeSeal()
}

func nonEmpty(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return b
}
