package badgerstore

import (
	"bytes"
	"slices"
	"testing"

	"dossier/data"
	"dossier/data/storetest"
)

// The position moves with each write and names every record changed after
// it; reopened, the database keeps its epoch; moved to another machine or
// restored from a backup, its log is another epoch.
func TestPositionFollowsTheLog(t *testing.T) {
	dir := storetest.TempDir(t)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	start, err := s.Position()
	if err != nil || start.Epoch == "" {
		t.Fatalf("a new database's position: %+v, %v", start, err)
	}
	act := data.Actor{Name: "Wang Yi", Kind: data.KindPerson}
	s.PutActor(bg, &act)
	res, _ := s.AddArticles(bg, []*data.Article{{Title: "A", Text: "Wang Yi met envoys.", Hash: "a"}})
	ev := data.Event{Type: "CONSULT", Article: res[0].ID, Actors: []string{act.ID}}
	s.PutEvent(bg, &ev)
	s.DeleteEvent(bg, ev.ID, ev.Version)
	act.Aliases = []string{"Minister Wang"}
	s.PutActor(bg, &act)
	at, _ := s.Position()
	if at.Epoch != start.Epoch || at.Seq <= start.Seq {
		t.Fatalf("after writes: %+v (from %+v)", at, start)
	}
	var changed []string
	s.ChangedRecords(start.Seq, func(kind data.RecordKind, id string) error {
		changed = append(changed, string(kind)+" "+id)
		return nil
	})
	want := []string{"article " + res[0].ID, "event " + ev.ID, "actor " + act.ID} // the actor last: its alias
	if !slices.Equal(changed, want) {
		t.Fatalf("changed after the start: %q, want %q", changed, want)
	}
	s.Close()
	if s, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Position(); again != at {
		t.Fatalf("reopened: %+v, was %+v", again, at)
	}
	var backup bytes.Buffer
	if err := s.Backup(&backup); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(bg, &backup, true); err != nil {
		t.Fatal(err)
	}
	restored, _ := s.Position()
	s.Close()
	if restored.Epoch == at.Epoch {
		t.Fatalf("a restore kept the epoch %q", at.Epoch)
	}
	machineID = func() string { return "another laptop" }
	defer func() { machineID = systemMachineID }()
	if s, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if moved, _ := s.Position(); moved.Epoch == restored.Epoch {
		t.Fatalf("a database on another machine kept the epoch %q", moved.Epoch)
	}
}

// While a bulk import's numbers are taken and its records not yet
// written, the position stays before them: whoever marks it will not skip
// them.
func TestPositionStaysBeforeAnImportUnderWay(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	before, _ := s.Position()
	first, err := s.reserved.take(func() (uint64, error) { return s.reserveSeqs(5) })
	if err != nil {
		t.Fatal(err)
	}
	if during, _ := s.Position(); during.Seq != before.Seq || first != before.Seq+1 {
		t.Fatalf("during the import: %+v (before %+v, first %d)", during, before, first)
	}
	s.reserved.release(first)
	if after, _ := s.Position(); after.Seq != first+4 {
		t.Fatalf("after the import: %+v, want %d", after, first+4)
	}
}
