package views

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"dossier/data"
	"dossier/data/badgerstore"
)

// A colleague's actor altered on the way (its signature no longer
// verifies) is set aside: the Conflicts tab counts it in its title and
// lists it with the reason; Dismiss forgets it.
func TestSetAsideInTheConflictsTab(t *testing.T) {
	f := newFixture(t)
	colleague, err := badgerstore.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer colleague.Close()
	colleague.SetAnalystName(context.Background(), "Analyst B")
	act := data.Actor{Name: "Wang Yi", Kind: data.KindPerson}
	if err := colleague.PutActor(context.Background(), &act); err != nil {
		t.Fatal(err)
	}
	var vs []data.Version
	colleague.Changed(0, func(v data.Version) error { vs = append(vs, v); return nil })
	vs[0].Body = bytes.Replace(vs[0].Body, []byte("Wang Yi"), []byte("Wang Ye"), 1)
	rep, err := f.st.Merge(data.WithOrigin(context.Background(), data.OriginBundle), vs, nil)
	if err != nil || rep.SetAside != 1 {
		t.Fatalf("merge: %+v, %v", rep, err)
	}
	f.settle()
	c := f.wb.conflicts
	if c.item.Text != "Conflicts (1 set aside)" {
		t.Fatalf("the tab's title: %q", c.item.Text)
	}
	f.wb.tabs.Select(c.item)
	f.settle()
	p := c.aside
	if len(p.items) != 1 || !strings.Contains(p.line(p.items[0]), "actor "+act.ID+" (version 1 by analyst ") ||
		!strings.Contains(p.line(p.items[0]), "from a bundle") || !strings.Contains(p.line(p.items[0]), "signature does not match") {
		t.Fatalf("the list: %+v", p.items)
	}
	if !strings.HasPrefix(p.head.Text, "Set aside (1)") || !p.dismiss.Disabled() {
		t.Fatalf("the heading %q, Dismiss enabled %v", p.head.Text, !p.dismiss.Disabled())
	}
	p.list.Select(0)
	test.Tap(p.dismiss)
	f.settle()
	if len(p.items) != 0 || c.item.Text != "Conflicts" || !strings.HasPrefix(p.head.Text, "Nothing") {
		t.Fatalf("after Dismiss: %q, %q, %+v", c.item.Text, p.head.Text, p.items)
	}
	if _, err := f.st.Actor(act.ID); err == nil {
		t.Fatal("the altered actor was taken in")
	}
}
