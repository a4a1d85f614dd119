package badgerstore

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"io"
	"strings"
	"testing"

	"dossier/data/storetest"
)

// A backup is written in lists of about backupList bytes, whatever the
// size of the database (Badger's own stream held up to 1.4 GB at a million
// events), and restores every record; a backup Badger's stream wrote,
// as every backup before this form, restores the same.
func TestBackupIsWrittenInSmallListsAndRestores(t *testing.T) {
	st, err := Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := storetest.Generate(st, 300, 6000); err != nil {
		t.Fatal(err)
	}
	want := storetest.Dump(st)
	var ours bytes.Buffer
	if err := st.Backup(&ours); err != nil {
		t.Fatal(err)
	}
	lists := backupLists(t, ours.Bytes())
	if len(lists) < 3 {
		t.Fatalf("the backup of %d bytes is %d lists", ours.Len(), len(lists))
	}
	for i, n := range lists {
		if n > 2*backupList {
			t.Errorf("list %d of the backup holds %d bytes, past %d", i, n, 2*backupList)
		}
	}
	var badgers bytes.Buffer
	badgers.WriteString(backupMagic)
	zw := gzip.NewWriter(&badgers)
	if _, err := st.db.Backup(zw, 0); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	for what, backup := range map[string]*bytes.Buffer{"this form": &ours, "Badger's stream": &badgers} {
		into, err := Open(storetest.TempDir(t))
		if err != nil {
			t.Fatal(err)
		}
		if err := into.Restore(context.Background(), backup, false); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if got := storetest.Dump(into); got != want {
			t.Errorf("restored from %s:\n%.300s\nwant\n%.300s", what, got, want)
		}
		into.Close()
	}
}

// backupLists are the sizes of the lists of a plain backup.
func backupLists(t *testing.T, b []byte) []int {
	zr, err := gzip.NewReader(bytes.NewReader(b[len(backupMagic):]))
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for {
		var n uint64
		if err := binary.Read(zr, binary.LittleEndian, &n); err == io.EOF {
			return sizes
		} else if err != nil {
			t.Fatal(err)
		}
		if _, err := io.CopyN(io.Discard, zr, int64(n)); err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, int(n))
	}
}

// A backup whose list claims more bytes than any backup holds is refused
// before anything is loaded: Badger's loader would allocate them first.
func TestBackupWithAHugeListIsRefused(t *testing.T) {
	st, err := Open(storetest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var crafted bytes.Buffer
	crafted.WriteString(backupMagic)
	zw := gzip.NewWriter(&crafted)
	zw.Write(binary.LittleEndian.AppendUint64(nil, 1<<40))
	zw.Write([]byte("not a list"))
	zw.Close()
	err = st.VerifyBackup(bytes.NewReader(crafted.Bytes()))
	if err == nil || !strings.Contains(err.Error(), "past") {
		t.Fatalf("a list of a terabyte: %v", err)
	}
}
