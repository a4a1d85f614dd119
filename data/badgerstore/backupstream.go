package badgerstore

import (
	"encoding/binary"
	"fmt"
	"io"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"
)

// backupList is about how many bytes of records go into one list of a
// backup stream.
const backupList = 1 << 20

// restoreWrites is how many batches of a backup being loaded may wait to be
// written (Badger's own default, 256, held some 600 MB of them).
const restoreWrites = 16

// writeBackupStream writes every record and index, at its version, in the
// form Badger's DB.Backup writes and DB.Load reads: lists of key-values,
// each a little-endian length and a protobuf KVList. It reads one key at a
// time and holds one list of about backupList bytes, where DB.Backup held
// up to 1.4 GB at a million events (eight readers of 32 MB buffers ahead
// of a queue of 32 more, in front of the gzip that writes them). Deleted
// keys are left out, as a restore starts from an empty database.
func writeBackupStream(db *badger.DB, w io.Writer) error {
	return db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		var list pb.KVList
		size := 0
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			value, err := item.ValueCopy(nil)
			if err != nil {
				return fmt.Errorf("back up %q: %w", item.Key(), err)
			}
			list.Kv = append(list.Kv, &pb.KV{Key: item.KeyCopy(nil), Value: value, UserMeta: []byte{item.UserMeta()},
				Version: item.Version(), ExpiresAt: item.ExpiresAt()})
			if size += len(item.Key()) + len(value); size >= backupList {
				if err := writeList(w, &list); err != nil {
					return err
				}
				list.Kv, size = list.Kv[:0], 0
			}
		}
		if len(list.Kv) == 0 {
			return nil
		}
		return writeList(w, &list)
	})
}

// writeList writes one list of a backup stream.
func writeList(w io.Writer, list *pb.KVList) error {
	b, err := proto.Marshal(list)
	if err != nil {
		return err
	}
	if _, err := w.Write(binary.LittleEndian.AppendUint64(nil, uint64(len(b)))); err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
