package search

import (
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"

	"dossier/data"
)

// A long article is indexed as passages of at most passageBytes of text,
// each its own document (the first under the article's id, the others as
// "ID~N", N the code point where the passage starts), and documents go to
// bleve in batches of at most batchBytes of text: indexing holds a few
// megabytes of text at a time, however long the articles (an article of
// 12 MB in one document took some 770 MB to index). Hits on passages are
// the article's, at the right place in its whole text.
const (
	passageBytes = 64 << 10
	batchBytes   = 1 << 20
	batchDocs    = 1000
	// indexingMemory is the memory the Go collector is held to while
	// documents are indexed (unless GOMEMLIMIT asks for less): without it
	// the heap may grow to twice what indexing holds. Measured on eight
	// 12 MB articles: 444 MB anonymous memory at peak with it, 586 MB
	// without, 6.2 GB before passages.
	indexingMemory = 450 << 20
)

// holding counts the indexing under way, and keeps the limit before it.
var holding struct {
	sync.Mutex
	n      int
	before int64
}

// holdMemory keeps the collector to indexingMemory until the returned
// function is called (and every other indexing under way has ended).
func holdMemory() (release func()) {
	holding.Lock()
	if holding.n == 0 {
		holding.before = debug.SetMemoryLimit(-1)
		debug.SetMemoryLimit(min(holding.before, indexingMemory))
	}
	holding.n++
	holding.Unlock()
	return func() {
		holding.Lock()
		if holding.n--; holding.n == 0 {
			debug.SetMemoryLimit(holding.before)
		}
		holding.Unlock()
	}
}

// passage ids of an article are kept beside the index, so that an edit or
// a deletion removes passages the article no longer has.
func partsKey(id string) []byte { return []byte("parts:" + id) }

// passageID names the passage starting at code point at.
func passageID(article string, at int) string {
	if at == 0 {
		return article
	}
	return article + "~" + strconv.Itoa(at)
}

// ofPassage is the article a document id belongs to and where its
// passage starts (0 for a record's own id).
func ofPassage(id string) (string, int) {
	i := strings.LastIndexByte(id, '~')
	if i < 0 {
		return id, 0
	}
	at, err := strconv.Atoi(id[i+1:])
	if err != nil {
		return id, 0
	}
	return id[:i], at
}

// cutPassages cuts text into passages at whitespace, each at most
// passageBytes long; it calls fn with each passage and the code point it
// starts at.
func cutPassages(text string, fn func(p string, at int)) {
	at := 0
	for {
		end := len(text)
		if end > passageBytes {
			end = passageBytes
			if sp := strings.LastIndexFunc(text[end-1024:end], unicode.IsSpace); sp >= 0 {
				end = end - 1024 + sp + 1
			}
			for end > 0 && !utf8.RuneStart(text[end]) {
				end--
			}
		}
		fn(text[:end], at)
		if end == len(text) {
			return
		}
		at += utf8.RuneCountInString(text[:end])
		text = text[end:]
	}
}

// batcher sends documents to the index in bounded batches.
type batcher struct {
	idx   bleve.Index
	b     *bleve.Batch
	bytes int
}

func newBatcher(idx bleve.Index) *batcher { return &batcher{idx: idx, b: idx.NewBatch()} }

func (w *batcher) index(id string, d doc) error {
	if err := w.b.Index(id, d); err != nil {
		return err
	}
	w.bytes += len(d.Text) + len(d.Title)
	if w.b.Size() >= batchDocs || w.bytes >= batchBytes {
		return w.flush()
	}
	return nil
}

func (w *batcher) delete(id string) { w.b.Delete(id) }

func (w *batcher) flush() error {
	if w.b.Size() == 0 {
		return nil
	}
	err := w.idx.Batch(w.b)
	w.b, w.bytes = w.idx.NewBatch(), 0
	return err
}

// putArticle indexes an article as its passages, dropping passages an
// earlier text had and this one has not.
func (ix *Index) putArticle(w *batcher, a *data.Article) error {
	d := ix.articleDoc(a)
	old := ix.passagesOf(a.ID)
	var ids []string
	var err error
	cutPassages(d.Text, func(p string, at int) {
		id := passageID(a.ID, at)
		ids = append(ids, id)
		delete(old, id)
		if err == nil {
			part := d
			part.Text = p
			err = w.index(id, part)
		}
	})
	if err != nil {
		return err
	}
	for id := range old {
		w.delete(id)
	}
	if len(ids) == 1 {
		w.b.DeleteInternal(partsKey(a.ID))
		return nil
	}
	w.b.SetInternal(partsKey(a.ID), []byte(strings.Join(ids, " ")))
	return nil
}

// deleteRecord removes a record, and every passage of an article.
func (ix *Index) deleteRecord(w *batcher, id string) {
	w.delete(id)
	for p := range ix.passagesOf(id) {
		w.delete(p)
	}
	w.b.DeleteInternal(partsKey(id))
}

// passagesOf lists the passages indexed for an article beyond its first.
func (ix *Index) passagesOf(id string) map[string]bool {
	out := map[string]bool{}
	if !strings.HasPrefix(id, data.ArticlePrefix+"-") {
		return out
	}
	b, err := ix.idx.GetInternal(partsKey(id))
	if err != nil {
		return out
	}
	for _, p := range strings.Fields(string(b)) {
		if p != id {
			out[p] = true
		}
	}
	return out
}
