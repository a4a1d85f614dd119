package badgerstore

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"dossier/data"

	"github.com/dgraph-io/badger/v4"
)

// Records read in batches decoded on every core come in key order, each
// once; a walk stops at fn's error; a damaged record stops it with the
// key named, after every record before it.
func TestEachJSONInOrderAcrossBatches(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n := 2*decodeBatch + 37
	for i := range n {
		if err := s.PutActor(context.Background(), &data.Actor{ID: fmt.Sprintf("ac-%05d", i), Name: fmt.Sprint("Actor ", i), Kind: data.KindPerson}); err != nil {
			t.Fatal(err)
		}
	}
	walk := func(stopAt int) (seen []string, err error) {
		err = s.db.View(func(txn *badger.Txn) error {
			return eachJSON(txn, actorKey(""), func(a *data.Actor) error {
				if len(seen) == stopAt {
					return fmt.Errorf("enough")
				}
				seen = append(seen, a.ID)
				return nil
			})
		})
		return seen, err
	}
	seen, err := walk(-1)
	if err != nil || len(seen) != n {
		t.Fatalf("%d of %d read: %v", len(seen), n, err)
	}
	for i, id := range seen {
		if id != fmt.Sprintf("ac-%05d", i) {
			t.Fatalf("record %d is %s", i, id)
		}
	}
	if seen, err := walk(decodeBatch + 3); len(seen) != decodeBatch+3 || err == nil || err.Error() != "enough" {
		t.Fatalf("a walk told to stop: %d read, %v", len(seen), err)
	}
	bad := fmt.Sprintf("ac-%05d", decodeBatch+100)
	s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(actorKey(bad)), []byte("{not json")) })
	if seen, err := walk(-1); len(seen) != decodeBatch+100 || err == nil || !strings.Contains(err.Error(), bad) {
		t.Fatalf("with %s damaged: %d read, %v", bad, len(seen), err)
	}
}
