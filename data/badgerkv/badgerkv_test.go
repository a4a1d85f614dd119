package badgerkv

import (
	"testing"

	store "github.com/blevesearch/upsidedown_store_api"
	"github.com/blevesearch/upsidedown_store_api/test"
	"github.com/dgraph-io/badger/v4"
)

// bleve's own conformance suite for key-value stores, against Badger.
func TestBleveStoreConformance(t *testing.T) {
	for name, run := range map[string]func(*testing.T, store.KVStore){
		"Crud": test.CommonTestKVCrud, "ReaderIsolation": test.CommonTestReaderIsolation,
		"ReaderOwnsGetBytes": test.CommonTestReaderOwnsGetBytes, "WriterOwnsBytes": test.CommonTestWriterOwnsBytes,
		"PrefixIterator": test.CommonTestPrefixIterator, "PrefixIteratorSeek": test.CommonTestPrefixIteratorSeek,
		"RangeIterator": test.CommonTestRangeIterator, "RangeIteratorSeek": test.CommonTestRangeIteratorSeek,
		"Merge": test.CommonTestMerge,
	} {
		t.Run(name, func(t *testing.T) {
			db, err := badger.Open(badger.DefaultOptions("").WithInMemory(true).WithLogger(nil))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			Use(name, db)
			defer Forget(name)
			s, err := open(&test.TestMergeCounter{}, map[string]interface{}{"db": name})
			if err != nil {
				t.Fatal(err)
			}
			run(t, s)
		})
	}
}
