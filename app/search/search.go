// Package search is Dossier's full-text search over articles (words,
// phrases, prefixes) and records (actor names and aliases, event notes and
// evidence), with bleve. The index lives beside the database, is kept in
// step with edits by the session, catches up with what changed while it
// was closed, and is rebuilt when it is missing or of another log (see
// sync.go).
package search

import (
	"path/filepath"
	"strings"

	"dossier/app/language"
	"dossier/data"
	"github.com/blevesearch/bleve/v2"
)

// Index is the search index of one database.
type Index struct {
	idx   bleve.Index // nil once closed
	where storage
	langs *analyzerSet // the analyzers its articles were read with
}

// Folder is where the index of the database at dbPath lives.
func Folder(dbPath string) string { return filepath.Clean(dbPath) + "-index" }

// doc is what is indexed of a record: its kind, a title and a body, and
// the analyzer of its language (which picks its mapping).
type doc struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Text  string `json:"text"`
	Lang  string `json:"lang,omitempty"`
}

// BleveType tells bleve which mapping reads the document: its language's.
func (d doc) BleveType() string { return d.Lang }

// Open opens the index at path, creating an empty one when it is missing
// or unreadable (it is derived data: Sync refills it). With a key (the
// database is encrypted) the index is kept encrypted with it.
func Open(path string, key []byte) (*Index, error) {
	var where storage = files{path}
	if key != nil {
		s, err := openSealed(path, key)
		if err != nil {
			return nil, err
		}
		where = s
	}
	idx, err := where.open()
	if err != nil {
		where.close()
		return nil, err
	}
	ix := &Index{idx: idx, where: where, langs: &analyzerSet{}}
	ix.langs.load(idx)
	return ix, nil
}

// Source is what an index is built from and kept in step with: the
// records, and the feed of their changes.
type Source interface {
	data.ArticleReader
	data.EventReader
	data.ActorReader
	data.Changes
	Counts() (data.Counts, error)
}

// OpenFor opens the index of the database st at dbPath, encrypted when
// the database is.
func OpenFor(dbPath string, st data.Keys) (*Index, error) {
	return Open(Folder(dbPath), st.Secret("search index"))
}

// Close closes the index; closing twice is harmless.
func (ix *Index) Close() error {
	if ix.idx == nil {
		return nil
	}
	err := ix.idx.Close()
	ix.idx = nil
	if cerr := ix.where.close(); err == nil {
		err = cerr
	}
	return err
}

// articleDoc indexes an article in its language, and notes the language
// among those the index holds.
func (ix *Index) articleDoc(a *data.Article) doc {
	lang := analyzerFor(language.Of(a))
	ix.langs.add(ix.idx, lang)
	return doc{Kind: string(data.RecordArticle), Title: a.Title, Text: a.Text, Lang: lang}
}

func actorDoc(a *data.Actor) doc {
	return doc{Kind: string(data.RecordActor), Title: a.Name, Text: strings.Join(append(a.Aliases, a.Notes), "\n")}
}

func eventDoc(e *data.Event) doc {
	parts := []string{e.Notes}
	for _, s := range e.Evidence {
		parts = append(parts, s.Quote)
	}
	if e.Location != nil {
		parts = append(parts, e.Location.Name)
	}
	return doc{Kind: string(data.RecordEvent), Title: e.Type, Text: strings.Join(parts, "\n")}
}

// Put indexes (or re-indexes) records after an edit.
func (ix *Index) Put(records ...any) error {
	if len(records) == 0 {
		return nil
	}
	defer holdMemory()()
	w := newBatcher(ix.idx)
	for _, r := range records {
		var err error
		switch v := r.(type) {
		case *data.Article:
			err = ix.putArticle(w, v)
		case *data.Actor:
			err = w.index(v.ID, actorDoc(v))
		case *data.Event:
			err = w.index(v.ID, eventDoc(v))
		}
		if err != nil {
			return err
		}
	}
	return w.flush()
}

// Delete removes records from the index.
func (ix *Index) Delete(ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	w := newBatcher(ix.idx)
	for _, id := range ids {
		ix.deleteRecord(w, id)
	}
	return w.flush()
}
