package badgerstore

import (
	"context"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// AddArticles writes new articles through one WriteBatch. For each article the
// text goes first, then the header, then the content-hash index, so that after
// a crash an indexed hash always has its header and a header its text.
func (s *Store) AddArticles(ctx context.Context, arts []*data.Article) ([]data.AddResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := s.writable(); err != nil {
		return nil, err
	}
	if err := s.roomToWrite(); err != nil {
		return nil, err
	}
	for _, a := range arts {
		if err := data.CheckReliability(a.Reliability); err != nil {
			return nil, invalid("The grade of the source of %q is wrong: %v.", a.File, err)
		}
	}
	results, fresh, err := s.sortOutDuplicates(arts)
	if err != nil {
		return nil, err
	}
	seq, err := s.reserved.take(func() (uint64, error) { return s.reserveSeqs(len(fresh)) })
	if err != nil {
		return nil, err
	}
	defer s.reserved.release(seq)
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	if len(fresh) > 0 { // the stamp goes first: a crash after it only makes the index rebuild
		if err := wb.Set([]byte(stampKey), []byte(data.NewID("st"))); err != nil {
			return nil, err
		}
	}
	now := time.Now().UTC()
	for i, a := range fresh {
		base := data.Rev{N: a.Version, By: a.UpdatedBy}                                      // a deleted article's last, when imported again
		prepareArticle(a, now.Add(time.Duration(i)*time.Microsecond), s.identity.analyst.ID) // keeps the import's order
		hdr, err := json.Marshal(a.Header())
		if err != nil {
			return nil, err
		}
		kvs := [][2][]byte{
			{[]byte(textKey(a.ID)), []byte(a.Text)},
			{[]byte(articleKey(a.ID)), hdr},
			{[]byte(hashKey(a.Hash)), []byte(a.ID)},
		}
		kvs = append(kvs, s.importTrack(a.ID, base, seq+uint64(i), data.OriginOf(ctx))...)
		sig, err := s.signImport(a, base)
		if err != nil {
			return nil, err
		}
		kvs = append(kvs, sig)
		for _, kv := range kvs {
			if err := wb.Set(kv[0], kv[1]); err != nil {
				return nil, err
			}
		}
	}
	if err := wb.Flush(); err != nil {
		return nil, err
	}
	if len(fresh) > 0 {
		s.witness(seq + uint64(len(fresh)) - 1)
	}
	var changes []data.Change
	for i := range results {
		if !results[i].Duplicate {
			results[i].ID = arts[i].ID
			changes = append(changes, data.Change{Record: data.RecordArticle, ID: arts[i].ID, New: arts[i].Version, By: s.identity.analyst.ID, Origin: data.OriginOf(ctx)})
		}
	}
	s.feed.Publish(changes)
	return results, nil
}

// reserveSeqs takes n numbers of the change log for a bulk import and
// returns the first (a crash before they are used leaves a gap, no harm).
func (s *Store) reserveSeqs(n int) (uint64, error) {
	var first uint64
	err := s.update(func(txn *badger.Txn) error {
		w := &writer{s: s, txn: txn}
		seq, err := w.nextSeq()
		first = seq
		if err == nil && n > 1 {
			w.seq += uint64(n - 1)
			err = txn.Set([]byte(seqKey), []byte(strconv.FormatUint(w.seq, 10)))
		}
		return err
	})
	return first, err
}

// signImport is the signature of an imported article's first state (see
// signature), to write with it.
func (s *Store) signImport(a *data.Article, base data.Rev) ([2][]byte, error) {
	v := data.Version{Record: data.RecordArticle, ID: a.ID, Rev: data.Rev{N: a.Version, By: a.UpdatedBy}}
	if base.N > 0 {
		v.Lineage = data.Lineage{base}
	}
	var err error
	if v.Body, err = json.Marshal(a); err != nil {
		return [2][]byte{}, err
	}
	if err := v.Sign(s.identity.signer); err != nil {
		return [2][]byte{}, err
	}
	b, err := json.Marshal(signature{Rev: v.Rev, Lineage: v.Lineage, Key: v.Key, Sig: v.Sig})
	return [2][]byte{[]byte(signatureKey(a.ID)), b}, err
}

// importTrack is what team work keeps of an imported article (see track):
// its lineage (a deleted one's last rev), its change-log entry, its place
// in the outbox.
func (s *Store) importTrack(id string, base data.Rev, seq uint64, origin data.Origin) [][2][]byte {
	var lin data.Lineage
	if base.N > 0 {
		lin = data.Lineage{base}
	}
	linJSON, _ := json.Marshal(lin)
	n := []byte(strconv.FormatUint(seq, 10))
	kvs := [][2][]byte{{[]byte(lineageKey(id)), linJSON}, {[]byte(logKey(seq)), []byte(id)}, {[]byte(logSeqKey(id)), n}}
	if origin != data.OriginColleague {
		kvs = append(kvs, [2][]byte{[]byte(outboxKey(id)), n})
	}
	return kvs
}

// sortOutDuplicates finds the articles whose hash is stored already or
// repeats an earlier one of the same call.
func (s *Store) sortOutDuplicates(arts []*data.Article) ([]data.AddResult, []*data.Article, error) {
	results := make([]data.AddResult, len(arts))
	var fresh []*data.Article
	inCall := map[string]*data.Article{}
	err := s.db.View(func(txn *badger.Txn) error {
		for i, a := range arts {
			if a.Hash == "" {
				return data.Errorf(data.EInvalid, "The article %q has no content hash.", a.Title)
			}
			if len(a.Text) > data.MaxTextBytes {
				return data.Errorf(data.EInvalid, "The article %q is too long (%d MB of text; Dossier keeps up to %d MB): nothing was stored.", a.Title, len(a.Text)>>20, data.MaxTextBytes>>20)
			}
			if first, ok := inCall[a.Hash]; ok {
				results[i] = data.AddResult{ID: first.ID, Duplicate: true, DuplicateOf: first.Title}
				continue
			}
			orig, err := articleByHash(txn, a.Hash)
			if err != nil {
				return err
			}
			if orig != nil {
				results[i] = data.AddResult{ID: orig.ID, Duplicate: true, DuplicateOf: orig.Title}
				continue
			}
			if a.ID == "" {
				a.ID = data.ArticleID(a.Text)
			}
			var t tombstone // an article deleted here and imported again
			if err := getJSON(txn, tombKey(a.ID), &t); err == nil {
				a.Version, a.UpdatedBy = t.Version, t.UpdatedBy
			}
			inCall[a.Hash] = a
			fresh = append(fresh, a)
		}
		return nil
	})
	return results, fresh, err
}

func articleByHash(txn *badger.Txn, hash string) (*data.Article, error) {
	item, err := txn.Get([]byte(hashKey(hash)))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	id, err := item.ValueCopy(nil)
	if err != nil {
		return nil, err
	}
	var a data.Article
	if err := getJSON(txn, articleKey(string(id)), &a); err != nil {
		return nil, err
	}
	return &a, nil
}

func prepareArticle(a *data.Article, now time.Time, by string) {
	if a.ImportedAt.IsZero() {
		a.ImportedAt = now
	}
	a.Updated, a.Version, a.UpdatedBy = now, a.Version+1, by
	if a.Status == "" {
		a.Status = data.StatusNew
	}
	a.Length = utf8.RuneCountInString(a.Text)
}

// Article returns the header and the text.
func (s *Store) Article(id string) (*data.Article, error) {
	var a data.Article
	err := s.db.View(func(txn *badger.Txn) error {
		if err := getJSON(txn, articleKey(id), &a); err != nil {
			return err
		}
		text, err := articleText(txn, id)
		a.Text = text
		return err
	})
	if errors.Is(err, errNotFound) {
		return nil, notFound(data.RecordArticle, id)
	}
	return &a, err
}

func articleText(txn *badger.Txn, id string) (string, error) {
	item, err := txn.Get([]byte(textKey(id)))
	if err != nil {
		return "", err
	}
	b, err := item.ValueCopy(nil)
	return string(b), err
}

// Articles returns all headers in the order they were imported.
func (s *Store) Articles() ([]data.Article, error) {
	var out []data.Article
	err := s.scan(func(txn *badger.Txn) error {
		return eachJSON(txn, articleKey(""), func(a *data.Article) error { out = append(out, *a); return nil })
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].ImportedAt.Before(out[j].ImportedAt) })
	return out, err
}

// UpdateArticle changes the header fields an analyst may edit, if the
// header is still at the version it was read at.
func (s *Store) UpdateArticle(ctx context.Context, a *data.Article) error {
	return s.Commit(ctx, &data.Batch{Articles: []*data.Article{a}})
}

func (w *writer) updateArticle(a *data.Article) error {
	var old data.Article
	cur, err := w.current(data.RecordArticle, a.ID, &old)
	switch {
	case err != nil:
		return err
	case !cur.found:
		return w.absent(data.RecordArticle, a.ID, a.Version, cur)
	}
	if err := w.expect(data.RecordArticle, a.ID, "“"+old.Title+"”", a.Version, cur); err != nil {
		return err
	}
	up := old
	up.Title, up.Source, up.Reliability, up.URL, up.Byline = a.Title, a.Source, a.Reliability, a.URL, a.Byline
	up.Published, up.PublishedRaw, up.Language = a.Published, a.PublishedRaw, a.Language
	up.Status, up.Notes, up.Tags, up.Rejected = a.Status, a.Notes, a.Tags, a.Rejected
	up.Updated, up.UpdatedBy = w.now, w.by
	if up.Version, err = w.written(data.RecordArticle, a.ID, cur, data.Change{}); err != nil {
		return err
	}
	w.done = append(w.done, func() { a.Revision = up.Revision })
	return setJSON(w.txn, articleKey(a.ID), up)
}

// DeleteArticle removes an article that no event cites.
func (s *Store) DeleteArticle(ctx context.Context, id string, version int) error {
	return s.Commit(ctx, &data.Batch{Deletes: []data.Ref{{Record: data.RecordArticle, ID: id, Version: version}}})
}

func (w *writer) deleteArticle(id string, version int) error {
	var a data.Article
	cur, err := w.current(data.RecordArticle, id, &a)
	switch {
	case err != nil:
		return err
	case !cur.found:
		return w.absent(data.RecordArticle, id, version, cur)
	}
	if err := w.expect(data.RecordArticle, id, "“"+a.Title+"”", version, cur); err != nil {
		return err
	}
	if n := countKeys(w.txn, eventsByArticle(id)); n > 0 {
		return data.Errorf(data.EInvalid, "The article %q is the evidence of %d event(s); delete or re-cite them first.", a.Title, n)
	}
	for _, k := range []string{textKey(id), hashKey(a.Hash)} {
		if err := w.txn.Delete([]byte(k)); err != nil {
			return err
		}
	}
	return w.bury(data.RecordArticle, id, "“"+a.Title+"”", cur, data.Change{})
}
