// Package badgerstore keeps Dossier's records in a Badger database: one key
// per record, secondary indexes written in the same transaction, a schema
// version migrated on open, and every edit synced to disk before it returns.
package badgerstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"

	"dossier/data"
)

// Store is the Badger implementation of data.Store.
type Store struct {
	db         *badger.DB
	path       string
	passphrase []byte // set for an encrypted database; backups are sealed with it
	key        []byte // the database's key (from the passphrase), for derived secrets
	inMemory   bool
	mu         sync.Mutex
	feed       data.Feed
	identity   identity // who works on this database
	names      sync.Map // analyst id → display name
	notices    []string // what opening did on its own (see Notices)
	damage     error    // the table that failed its checksums on opening (see Verify)
	readOnly   error    // why nothing may be written (a damaged database, a folder that cannot be written)
	witnessMu  sync.Mutex
	witnessed  uint64 // the last change the witness saw (see witness.go)
	reserved   reservations
}

var _ data.Store = (*Store)(nil)

// Open opens (or creates, owner-only) an unencrypted database in dir.
func Open(dir string) (*Store, error) { return OpenWith(dir, nil) }

// OpenWith opens the database in dir with a passphrase: an encrypted one
// needs it; a new folder given one is created encrypted (Badger's AES
// encryption, key from argon2id). An empty passphrase means none.
func OpenWith(dir string, passphrase []byte) (*Store, error) {
	recovered, err := recoverRekey(dir)
	if err != nil {
		return nil, &data.Error{Code: data.EInternal, Message: fmt.Sprintf("A change of passphrase of %s was cut off, and could not be finished or rolled back", dir), Err: err}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, &data.Error{Code: data.EInvalid, Message: fmt.Sprintf("Cannot create the database folder %s", dir), Err: err}
	}
	params, err := readKeyParams(dir)
	if err != nil {
		return nil, err
	}
	opts := badger.DefaultOptions(dir)
	switch {
	case params == nil && len(passphrase) > 0:
		if hasDatabase(dir) {
			return nil, data.Errorf(data.EInvalid, "The database %s is not encrypted: encrypt it with 'dossier --db %s set-passphrase'.", dir, dir)
		}
		p := newKeyParams()
		if err := writeKeyParams(dir, p); err != nil {
			return nil, err
		}
		params = &p
	case params != nil && len(passphrase) == 0:
		return nil, errPassphraseNeeded(dir)
	}
	var key []byte
	if params != nil {
		key = params.key(passphrase)
		opts = opts.WithEncryptionKey(key)
	}
	if err := removeEmptyMemtables(dir); err != nil {
		return nil, err
	}
	s, err := open(opts, dir)
	if err != nil {
		return nil, err
	}
	if params != nil {
		s.passphrase, s.key = passphrase, key
	}
	if recovered != "" {
		s.notices = append([]string{recovered}, s.notices...)
	}
	return s, nil
}

// removeEmptyMemtables deletes zero-length memtable files. A process
// killed between creating a memtable's write-ahead log and sizing it leaves
// one behind; it holds nothing, but Badger (v4.9.6) refuses to open a
// database that has one ("while opening fid: N err: Create a new file").
func removeEmptyMemtables(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".mem") {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.Size() == 0 {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// hasDatabase reports whether dir already holds Badger files.
func hasDatabase(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "MANIFEST"))
	return err == nil
}

// OpenInMemory opens a database that lives in memory only, for tests.
func OpenInMemory() (*Store, error) {
	return open(badger.DefaultOptions("").WithInMemory(true), "(memory)")
}

// Laptop sizes: small memtables and value-log files.
const (
	memTableSize     = 16 << 20
	valueLogFileSize = 64 << 20
)

// LaptopOptions sizes Badger for a laptop: small memtables and value-log
// files instead of the defaults' gigabytes of reserved space, a quiet logger,
// every commit synced, and every block and value checked against its
// checksum as it is read (damage is an error, never wrong data).
// Benchmarks use it for their raw-Badger baselines.
func LaptopOptions(o badger.Options) badger.Options {
	return o.WithLogger(quietLogger{log.New(os.Stderr, "badger: ", 0)}).
		WithSyncWrites(true).
		WithMemTableSize(memTableSize).
		WithValueLogFileSize(valueLogFileSize).
		WithBlockCacheSize(32 << 20).
		WithIndexCacheSize(16 << 20).
		WithNumVersionsToKeep(1).
		WithNumCompactors(2).
		WithCompactL0OnClose(true).
		WithChecksumVerificationMode(options.OnBlockRead).
		WithVerifyValueChecksum(true)
}

// openError turns Badger's open failures into sentences.
func openError(path string, err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Encryption key mismatch"):
		return &data.Error{Code: data.EInvalid, Err: err, Message: fmt.Sprintf(
			"The passphrase is wrong for the database %s. Nothing was changed; try again.", path)}
	case strings.Contains(msg, "Cannot acquire directory lock"), strings.Contains(msg, "Another process is using this Badger database"):
		return &data.Error{Code: data.ELocked, Err: err, Message: fmt.Sprintf(
			"This database is already open in another Dossier window (%s). Close that window first, or choose another database with --db.", path)}
	case errors.Is(err, os.ErrPermission) || strings.Contains(msg, "permission denied"):
		return &data.Error{Code: data.EInvalid, Err: err, Message: fmt.Sprintf(
			"Dossier may not read or write the database folder %s. Check its permissions.", path)}
	}
	return &data.Error{Code: data.EInternal, Err: err, Message: fmt.Sprintf("Cannot open the database %s", path)}
}

// Path is the database folder.
func (s *Store) Path() string { return s.path }

// Close flushes and closes the database.
func (s *Store) Close() error { return s.db.Close() }

// update runs fn in a read-write transaction, retrying on conflicts. It
// refuses to start when the disk is too full to write safely.
func (s *Store) update(fn func(txn *badger.Txn) error) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.roomToWrite(); err != nil {
		return err
	}
	var err error
	for try := range 20 { // writers that met on the same keys take turns
		if try > 0 {
			time.Sleep(time.Duration(rand.IntN(1000*try)) * time.Microsecond)
		}
		err = s.db.Update(func(txn *badger.Txn) error {
			if err := setStamp(txn); err != nil {
				return err
			}
			return fn(txn)
		})
		if errors.Is(err, badger.ErrTxnTooBig) {
			return &data.Error{Code: data.ETooBig, Err: err, Message: "Too many changes for one step; nothing was saved. Make them in smaller parts."}
		}
		if !errors.Is(err, badger.ErrConflict) {
			return err
		}
	}
	return err
}

// stampKey holds a value that every transaction changing records sets
// anew (a fresh time-ordered id, so no transaction needs to read it and
// none conflicts over it), so that derived data kept outside the database
// (the search index) can tell it is stale.
const stampKey = "m/stamp"

func setStamp(txn *badger.Txn) error { return txn.Set([]byte(stampKey), []byte(data.NewID("st"))) }

// Stamp is the value the last write left (see stampKey).
func (s *Store) Stamp() (string, error) {
	var v string
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(stampKey))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		b, err := item.ValueCopy(nil)
		v = string(b)
		return err
	})
	return v, err
}

func getJSON(txn *badger.Txn, key string, v any) error {
	item, err := txn.Get([]byte(key))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	return item.Value(func(b []byte) error { return json.Unmarshal(b, v) })
}

var errNotFound = errors.New("key not found")

func setJSON(txn *badger.Txn, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return txn.Set([]byte(key), b)
}

func exists(txn *badger.Txn, key string) (bool, error) {
	_, err := txn.Get([]byte(key))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

// keys returns the keys under prefix, without values.
func keys(txn *badger.Txn, prefix string) []string {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix)})
	defer it.Close()
	var out []string
	for it.Rewind(); it.Valid(); it.Next() {
		out = append(out, string(it.Item().Key()))
	}
	return out
}

// countKeys counts the keys under prefix without reading values.
func countKeys(txn *badger.Txn, prefix string) int {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix)})
	defer it.Close()
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		n++
	}
	return n
}

func notFound(what data.RecordKind, id string) error {
	return data.Errorf(data.ENotFound, "There is no %s with id %q.", what, id)
}

// Counts counts records from their keys alone.
func (s *Store) Counts() (data.Counts, error) {
	var c data.Counts
	err := s.scan(func(txn *badger.Txn) error {
		c = data.Counts{Articles: countKeys(txn, articleKey("")), Events: countKeys(txn, eventKey("")), Actors: countKeys(txn, actorKey(""))}
		return nil
	})
	return c, err
}

// quietLogger passes Badger's errors and warnings on and drops the chatter,
// and the failures open turns into sentences of its own.
type quietLogger struct{ l *log.Logger }

func (q quietLogger) Errorf(f string, a ...any) {
	if msg := fmt.Sprintf(f, a...); !strings.Contains(msg, "Encryption key mismatch") {
		q.l.Print("error: " + msg)
	}
}

// Warningf passes warnings on, all but the hints about the sizes of
// Badger's caches, which it prints when a large database is read end to end
// (an export, say): they are about Badger's tuning, not the analyst's work.
func (q quietLogger) Warningf(f string, a ...any) {
	if msg := fmt.Sprintf(f, a...); !cacheHint(msg) {
		q.l.Print("warning: " + msg)
	}
}

// cacheHint tells Badger's cache tuning hints from real warnings.
func cacheHint(msg string) bool {
	return strings.Contains(msg, "might be too small. Metrics") || strings.Contains(msg, "Cache life expectancy")
}

func (quietLogger) Infof(string, ...any)  {}
func (quietLogger) Debugf(string, ...any) {}
