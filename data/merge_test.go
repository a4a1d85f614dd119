package data

import (
	"encoding/json"
	"testing"
)

// Every case of the team's merge rule, as each database decides it.
func TestDecide(t *testing.T) {
	a1, a2, b2, b3 := Rev{1, "an-a"}, Rev{2, "an-a"}, Rev{2, "an-b"}, Rev{3, "an-b"}
	event := func(r Rev, notes string, lin ...Rev) Version {
		body, _ := json.Marshal(map[string]any{"id": "ev-1", "type": "AGREE", "notes": notes, "version": r.N, "updated_by": r.By})
		return Version{Record: RecordEvent, ID: "ev-1", Rev: r, Lineage: lin, Body: body}
	}
	gone := func(r Rev, lin ...Rev) Version {
		return Version{Record: RecordEvent, ID: "ev-1", Rev: r, Lineage: lin, Deleted: true}
	}
	article := func(r Rev, file string, lin ...Rev) Version {
		body, _ := json.Marshal(map[string]any{"id": "ar-1", "title": "T", "text": "Words.", "file": file, "status": "new"})
		return Version{Record: RecordArticle, ID: "ar-1", Rev: r, Lineage: lin, Body: body}
	}
	edited := article(a2, "a.txt", a1)
	edited.Body, _ = json.Marshal(map[string]any{"id": "ar-1", "title": "T", "text": "Words.", "status": "done"})
	for _, c := range []struct {
		name     string
		mine     *Version
		in       Version
		want     Decision
		keepMine bool
	}{
		{"a record this database lacks", nil, event(a1, "x"), TakeNew, false},
		{"the same state", ptr(event(a2, "x", a1)), event(a2, "x", a1), KeepSame, true},
		{"an older state", ptr(event(b3, "y", a2, a1)), event(a2, "x", a1), KeepNewer, true},
		{"a newer state", ptr(event(a1, "x")), event(b3, "y", a2, a1), TakeNewer, false},
		{"changed on both sides", ptr(event(a2, "mine", a1)), event(b2, "theirs", a1), Disagree, true},
		{"changed on both sides alike: the greater rev", ptr(event(a2, "same", a1)), event(b2, "same", a1), Join, false},
		{"…the same seen from the other side", ptr(event(b2, "same", a1)), event(a2, "same", a1), Join, true},
		{"deleted here, edited there", ptr(gone(a2, a1)), event(b2, "theirs", a1), Disagree, true},
		{"edited here, deleted there", ptr(event(a2, "mine", a1)), gone(b2, a1), Disagree, true},
		{"deleted on both sides", ptr(gone(a2, a1)), gone(b2, a1), Join, false},
		{"a deletion after this state", ptr(event(a1, "x")), gone(a2, a1), TakeNewer, false},
		{"one text imported by two analysts", ptr(article(Rev{1, "an-a"}, "a.txt")), article(Rev{1, "an-b"}, "b.txt"), Join, false},
		{"a bare import meets an edited article", ptr(article(Rev{1, "an-b"}, "b.txt")), edited, Join, false},
		{"an edited article meets a bare import", &edited, article(Rev{1, "an-b"}, "b.txt"), Join, true},
	} {
		d, keep := Decide(c.mine, c.in)
		if d != c.want || keep != c.keepMine {
			t.Errorf("%s: %v (keep mine %v), want %v (keep mine %v)", c.name, d, keep, c.want, c.keepMine)
		}
	}
}

func ptr(v Version) *Version { return &v }
