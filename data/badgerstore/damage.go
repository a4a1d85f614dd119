package badgerstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/fb"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/ristretto/v2"
	"github.com/dgraph-io/ristretto/v2/z"

	"dossier/data"
)

// A database knows when it is damaged. Every block is checked against its
// checksum as it is read (see LaptopOptions), so damage is an error, never
// wrong data; but a scan that meets a damaged block ends there without a
// word (Badger's iterators have no error), so every table is verified when
// the database opens, and what reads everything — lists, exports, backups
// — is refused in a damaged database (Verify, scan). Check then
// surveys what can still be read, record by record, through every other
// key that names a record (indexes, the change log, lineages), and says
// exactly what is lost; it mends nothing in a damaged database.

// Verify says whether a table of the database failed its checksums when
// it was opened (every table is checked then, and tables never change once
// written). A damaged one is an error naming it, with what to do.
func (s *Store) Verify() error { return s.damage }

// scan runs a read that goes through many records: refused, with the
// damage, in a damaged database (it could miss some without a word).
func (s *Store) scan(fn func(txn *badger.Txn) error) error {
	if s.damage != nil {
		return s.damage
	}
	return s.db.View(fn)
}

// verifyTablesApart checks every table of the database opts opens against
// its checksums, a table at a time on each core (a million events' tables
// took 1.47 s on one core, most of the time to open the database), each
// mapped only while it is read: checking takes a table's worth of memory
// per core, not the whole database's (at a million events, Badger's own
// VerifyChecksum kept some 550 MB of the files resident until every table
// was read). Of damaged tables it names the first, in order of their ids.
func verifyTablesApart(opts badger.Options) error {
	f, err := os.Open(filepath.Join(opts.Dir, badger.ManifestFilename))
	if err != nil {
		return err
	}
	m, _, err := badger.ReplayManifestFile(f, opts.ExternalMagicVersion, opts)
	f.Close()
	if err != nil {
		return err
	}
	keys, err := badger.OpenKeyRegistry(badger.KeyRegistryOptions{Dir: opts.Dir, ReadOnly: true,
		EncryptionKey: opts.EncryptionKey, EncryptionKeyRotationDuration: opts.EncryptionKeyRotationDuration})
	if err != nil {
		return err
	}
	defer keys.Close()
	// An encrypted table's index is read through a cache (Badger asks for
	// one); a small one will do, each table being read once.
	indexes, err := ristretto.NewCache(&ristretto.Config[uint64, *fb.TableIndex]{NumCounters: 1000, MaxCost: 4 << 20, BufferItems: 64})
	if err != nil {
		return err
	}
	defer indexes.Close()
	ids := slices.Sorted(maps.Keys(m.Tables))
	errs := make([]error, len(ids))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(ids)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(ids); i = int(next.Add(1) - 1) {
				errs[i] = verifyTable(opts, ids[i], m.Tables[ids[i]], keys, indexes)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// verifyTable checks one table file against its checksums. A damaged
// block can make the table reader panic (v4.9.6 dereferences the block it
// failed to read): that panic is the damage too.
func verifyTable(opts badger.Options, id uint64, tm badger.TableManifest, keys *badger.KeyRegistry, indexes *ristretto.Cache[uint64, *fb.TableIndex]) (err error) {
	name := table.NewFilename(id, opts.Dir)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("table: %s, failed its checksum (%v)", name, r)
		}
	}()
	dk, err := keys.DataKey(tm.KeyID)
	if err != nil {
		return err
	}
	mf, err := z.OpenMmapFile(name, os.O_RDONLY, 0)
	if err != nil && !errors.Is(err, z.NewFile) {
		return err
	}
	defer unmap(mf) // even when a damaged table panics
	t, err := table.OpenTable(mf, table.Options{ReadOnly: true, ChkMode: options.OnBlockRead, BlockSize: opts.BlockSize,
		DataKey: dk, Compression: tm.Compression, IndexCache: indexes})
	if err != nil {
		return err
	}
	return t.VerifyChecksum()
}

// unmap lets go of a table file mapped for reading: the mapping and the
// file (never DecrRef, which would delete it; nor MmapFile.Close, which
// syncs first and, should the sync fail, keeps both, and a file left open
// cannot be deleted by Badger's compactions on Windows).
func unmap(mf *z.MmapFile) {
	z.Munmap(mf.Data)
	mf.Fd.Close()
}

var damagedTable = regexp.MustCompile(`table: ?([^,]+)(, block: ?(\d+))?`)

// damaged is the sentence for a database that fails its checksums.
func damaged(path string, err error) error {
	where := "one of its files"
	if m := damagedTable.FindStringSubmatch(err.Error()); m != nil {
		where = "the table " + lastPathPart(m[1])
		if m[3] != "" {
			where += " (block " + m[3] + ")"
		}
	}
	return &data.Error{Code: data.EDamaged, Err: err, Message: fmt.Sprintf(
		"The database %s is damaged: %s does not match its checksum, so some records cannot be read. Nothing was changed. 'dossier --db %s check' says what is lost; restore your last backup (dossier --db %s restore FILE --replace), or copy what can still be read into a new database (dossier --db %s check --salvage NEWFOLDER).",
		path, where, path, path, path)}
}

func lastPathPart(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// familyPrefixes are the key families of a database (see keys.go, team.go,
// analyst.go, incoming.go).
var familyPrefixes = []string{"ac/", "an/", "ar/", "cf/", "ev/", "ix/", "m/", "mk/", "ob/", "sa/", "sq/", "sw/", "sy/", "tb/", "tx/"}

// survey is what can still be read of a damaged database.
type survey struct {
	named   map[string]bool // every record id some key names
	lost    map[data.RecordKind][]string
	texts   []string            // articles whose text cannot be read
	keys    map[string]struct{} // every key read
	readErr error               // the first read that failed
}

// surveyDamage reads every family of keys, then every record any key
// names, one by one.
func (s *Store) surveyDamage() (*survey, error) {
	sv := &survey{named: map[string]bool{}, lost: map[data.RecordKind][]string{}, keys: map[string]struct{}{}}
	err := s.db.View(func(txn *badger.Txn) error {
		for _, p := range familyPrefixes {
			for _, k := range keys(txn, p) {
				sv.keys[k] = struct{}{}
				if id := namedRecord(k); id != "" {
					sv.named[id] = true
				}
			}
		}
		for id := range sv.named {
			sv.check(txn, id)
		}
		return nil
	})
	for _, ids := range sv.lost {
		sort.Strings(ids)
	}
	sort.Strings(sv.texts)
	return sv, err
}

// namedRecord is the record id a key names, if it names one.
func namedRecord(k string) string {
	switch {
	case strings.HasPrefix(k, "ix/hash/"), strings.HasPrefix(k, "ix/ac-nm/"):
		return ""
	case strings.HasPrefix(k, "ix/"), strings.HasPrefix(k, "sw/"):
		return lastSegment(k)
	case strings.HasPrefix(k, "sy/"):
		parts := strings.SplitN(k, "/", 3)
		if len(parts) == 3 {
			return parts[2]
		}
	case strings.HasPrefix(k, "ac/"), strings.HasPrefix(k, "ar/"), strings.HasPrefix(k, "ev/"),
		strings.HasPrefix(k, "tb/"), strings.HasPrefix(k, "tx/"), strings.HasPrefix(k, "ob/"), strings.HasPrefix(k, "cf/"):
		return k[3:]
	}
	return ""
}

// check reads one record: readable, deleted (its tombstone readable), or
// lost; and what team work keeps of it, which a scan may not have reached.
func (sv *survey) check(txn *badger.Txn, id string) {
	for _, k := range []string{lineageKey(id), signatureKey(id), logSeqKey(id), outboxKey(id), conflictKey(id), setAsideKey(id)} {
		if readValue(txn, k) == nil {
			sv.keys[k] = struct{}{}
		}
	}
	kind := kindOfID(id)
	switch err := readJSON(txn, recordKey(kind, id)); {
	case err == nil:
		sv.keys[recordKey(kind, id)] = struct{}{}
		if kind == data.RecordArticle {
			if err := readValue(txn, textKey(id)); err != nil {
				sv.texts = append(sv.texts, id)
				sv.fail(err)
			} else {
				sv.keys[textKey(id)] = struct{}{}
			}
		}
		return
	case !errors.Is(err, badger.ErrKeyNotFound):
		sv.fail(err)
	case readJSON(txn, tombKey(id)) == nil:
		sv.keys[tombKey(id)] = struct{}{}
		return
	}
	sv.lost[kind] = append(sv.lost[kind], id)
}

func (sv *survey) fail(err error) {
	if sv.readErr == nil {
		sv.readErr = err
	}
}

// readValue reads a key's value whole (its checksum checked).
func readValue(txn *badger.Txn, key string) error {
	item, err := txn.Get([]byte(key))
	if err != nil {
		return err
	}
	return item.Value(func([]byte) error { return nil })
}

// readJSON reads a key's value and checks it is JSON.
func readJSON(txn *badger.Txn, key string) error {
	item, err := txn.Get([]byte(key))
	if err != nil {
		return err
	}
	return item.Value(func(b []byte) error {
		if !json.Valid(b) {
			return fmt.Errorf("the value of %q is damaged", key)
		}
		return nil
	})
}

// problems says what the survey found lost, as the check's report lines.
func (sv *survey) problems(damage error) []string {
	out := []string{data.ErrorMessage(damage)}
	total := 0
	for _, kind := range data.RecordKinds {
		ids := sv.lost[kind]
		total += len(ids)
		if len(ids) > 0 {
			out = append(out, fmt.Sprintf("%s cannot be read (or are gone): %s", plural(len(ids), string(kind)), listed(ids)))
		}
	}
	if len(sv.texts) > 0 {
		out = append(out, fmt.Sprintf("the text of %s cannot be read: %s", plural(len(sv.texts), "article"), listed(sv.texts)))
	}
	if total == 0 && len(sv.texts) == 0 {
		out = append(out, fmt.Sprintf("every one of the %d records the database names can still be read; what is damaged is derived data or team bookkeeping: copy the database with --salvage to rebuild it", len(sv.named)))
	}
	return out
}

// listed names up to ten ids.
func listed(ids []string) string {
	if len(ids) > 10 {
		return strings.Join(ids[:10], ", ") + fmt.Sprintf(" and %d more", len(ids)-10)
	}
	return strings.Join(ids, ", ")
}

// Salvage copies what can still be read of this database into a new one
// in dir (which must hold none), key by key, then opens it, which gives it
// an identity of its own, and mends its indexes. It returns the new
// database's check.
func (s *Store) Salvage(dir string) (data.CheckReport, error) {
	if hasDatabase(dir) {
		return data.CheckReport{}, data.Errorf(data.EInvalid, "The folder %s already holds a database: salvage into a new folder.", dir)
	}
	sv, err := s.surveyDamage()
	if err != nil {
		return data.CheckReport{}, err
	}
	to, err := OpenWith(dir, s.passphrase)
	if err != nil {
		return data.CheckReport{}, err
	}
	err = s.copyReadable(to, sv)
	if cerr := to.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return data.CheckReport{}, err
	}
	if to, err = OpenWith(dir, s.passphrase); err != nil {
		return data.CheckReport{}, err
	}
	defer to.Close()
	return to.Check()
}

// copyReadable writes every key the survey could read into another
// database.
func (s *Store) copyReadable(to *Store, sv *survey) error {
	wb := to.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		for k := range sv.keys {
			item, err := txn.Get([]byte(k))
			if err != nil {
				continue // unreadable: lost
			}
			v, err := item.ValueCopy(nil)
			if err != nil {
				continue
			}
			if err := wb.Set([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}
