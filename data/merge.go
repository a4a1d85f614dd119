package data

import "encoding/json"

// Decision is what the team's merge rule says to do with a version that
// arrives, given this database's state of the record. Every database
// decides alike, so that they all end with the same records.
type Decision int

// What the merge rule can decide.
const (
	// TakeNew: this database lacks the record; take it as it came.
	TakeNew Decision = iota
	// KeepSame: it is this database's state.
	KeepSame
	// KeepNewer: this database's state descends from it (it is older).
	KeepNewer
	// TakeNewer: it descends from this database's state.
	TakeNewer
	// Join: the two states say the same (or one is an article as an
	// import made it, never changed since): one state, descending from
	// both, with the body Decide names.
	Join
	// Disagree: changed here and elsewhere since a common state: both are
	// kept, an open conflict for the analyst to settle.
	Disagree
)

// Decide is the team's merge rule: what to do with in, given mine (nil
// when this database lacks the record). For Join, keepMine says whether
// this database's body stays: the same content keeps the greater rev, and
// whatever an analyst did to an article wins over a bare import of it.
func Decide(mine *Version, in Version) (d Decision, keepMine bool) {
	switch {
	case mine == nil:
		return TakeNew, false
	case mine.Rev == in.Rev:
		return KeepSame, true
	case mine.Descends(in.Rev):
		return KeepNewer, true
	case in.Descends(mine.Rev):
		return TakeNewer, false
	case sameContent(*mine, in):
		return Join, in.Rev.Less(mine.Rev)
	case bareImport(in):
		return Join, true
	case bareImport(*mine):
		return Join, false
	}
	return Disagree, true
}

// bareImport is an article as an import made it, never changed since: the
// same text imported by two analysts is one article.
func bareImport(v Version) bool {
	return v.Record == RecordArticle && !v.Deleted && v.Rev.N == 1 && len(v.Lineage) == 0
}

// sameContent compares two states but for when and by whom they were
// written.
func sameContent(a, b Version) bool {
	if a.Deleted || b.Deleted {
		return a.Deleted && b.Deleted
	}
	return canonical(a) == canonical(b)
}

// canonical is a body without its revision (nor, for an article, the
// details of its import), keys sorted.
func canonical(v Version) string {
	var m map[string]any
	if json.Unmarshal(v.Body, &m) != nil {
		return string(v.Body)
	}
	for _, k := range []string{"version", "updated", "updated_by"} {
		delete(m, k)
	}
	if v.Record == RecordArticle {
		for _, k := range []string{"imported_at", "file", "created"} {
			delete(m, k)
		}
	}
	b, _ := json.Marshal(m)
	return string(b)
}
