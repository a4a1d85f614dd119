package badgerstore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// Badger writes every commit to its write-ahead log before it returns; on
// opening it replays the log and, at the first entry that does not match
// its checksum, drops that entry and everything after it without a word.
// So the database keeps a witness beside it: the change log's number of
// the last change saved ("dossier-saved", written after each commit, not
// synced: it survives the process being killed, and after a power cut it
// can only be behind). It is written in place, always 20 digits, by one
// write that is never preceded by truncating the file: a process killed at
// any moment leaves the old number or the new one, never an empty file
// (which would hide a loss). A database that opens with fewer changes than its
// witness saw has lost them: it says so, once, and keeps the loss
// ("m/lost") for check to report until the analyst has dealt with it.
const (
	witnessFile = "dossier-saved"
	lostKey     = "m/lost"
)

// loss is what a database lost from its log.
type loss struct {
	Changes int       `json:"changes"`
	After   uint64    `json:"after"` // the last change kept
	Found   time.Time `json:"found"`
}

// witness records that the changes up to seq are saved.
func (s *Store) witness(seq uint64) {
	if s.inMemory || s.readOnly != nil {
		return
	}
	s.witnessMu.Lock()
	defer s.witnessMu.Unlock()
	if seq <= s.witnessed {
		return
	}
	s.witnessed = seq
	f, err := os.OpenFile(filepath.Join(s.path, witnessFile), os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		return
	}
	f.WriteAt(fmt.Appendf(nil, "%020d", seq), 0)
	f.Close()
}

// checkWitness compares the witness with the change log, as the database
// opens.
func (s *Store) checkWitness() error {
	if s.inMemory {
		return nil
	}
	cur, err := s.lastSeq()
	if err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(s.path, witnessFile))
	saw, _ := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	if err == nil && saw > cur {
		l := loss{Changes: int(saw - cur), After: cur, Found: time.Now().UTC()}
		err := s.update(func(txn *badger.Txn) error {
			if err := newEpoch(txn); err != nil { // the numbers after cur will be taken again
				return err
			}
			return setJSON(txn, lostKey, l)
		})
		if err != nil {
			return err
		}
		s.notices = append(s.notices, l.sentence())
	}
	s.witnessed = 0
	s.forceWitness(cur)
	return nil
}

// forceWitness sets the witness to seq, lower or not (a restore).
func (s *Store) forceWitness(seq uint64) {
	s.witnessMu.Lock()
	s.witnessed = 0
	s.witnessMu.Unlock()
	os.Remove(filepath.Join(s.path, witnessFile))
	s.witness(seq)
}

func (l loss) sentence() string {
	return fmt.Sprintf("The database lost %s that had been saved: its write-ahead log was damaged (found %s; the last change kept is number %d). They cannot be read back here: restore a backup made after them, or sync with your team, whose hub may still hold them. 'dossier check --acknowledge' stops this warning once you have dealt with it.",
		plural(l.Changes, "change"), l.Found.Local().Format("2 Jan 2006 15:04"), l.After)
}

// lastSeq is the change log's last number.
func (s *Store) lastSeq() (uint64, error) {
	var n uint64
	err := s.db.View(func(txn *badger.Txn) (err error) {
		n, err = seqIn(txn)
		return err
	})
	return n, err
}

// losses is what the database lost from its log, as check reports it.
func (s *Store) losses() ([]string, error) {
	var l loss
	err := s.db.View(func(txn *badger.Txn) error { return getJSON(txn, lostKey, &l) })
	if errors.Is(err, errNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return []string{l.sentence()}, nil
}

// AcknowledgeLoss forgets a loss the analyst has dealt with.
func (s *Store) AcknowledgeLoss() error {
	return s.update(func(txn *badger.Txn) error { return txn.Delete([]byte(lostKey)) })
}
