package badgerstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// What arrives from colleagues (the hub, a bundle) is checked, one version
// at a time, before it touches a record: its shape, its author's
// signature, and the same rules a local write follows. A version that
// fails is set aside ("sa/<id>") with the reason and the rest of the
// exchange goes on; an event that cites actors or articles not here yet
// waits there ("sw/<cited>/<id>" says for what) and is taken in when they
// arrive.

// Bounds on what one version may carry.
const (
	maxVersionBody = 16 << 20 // bytes of JSON (an article with its text: see data.MaxTextBytes)
	maxVersionN    = 1 << 50  // a version number
)

func setAsideKey(id string) string           { return "sa/" + id }
func waitKey(cited, id string) string        { return "sw/" + cited + "/" + id }
func waitPrefix(cited string) string         { return "sw/" + cited + "/" }
func refused(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// vetting is what checking an arriving version's frame, decoding it and
// checking its signature found: a reason when it must be refused, else
// what it decoded to. It needs nothing of the database, so a chunk's
// versions are vetted side by side, on every core, before their
// transaction (the signatures are most of the time a merge takes).
type vetting struct {
	reason  string
	decoded data.Decoded
}

func vet(v data.Version) vetting {
	if reason := shapeProblem(v); reason != "" {
		return vetting{reason: reason}
	}
	d, err := v.Decode()
	if err != nil {
		return vetting{reason: refused("It was refused: %v.", err)}
	}
	if err := v.VerifyDecoded(d); err != nil {
		return vetting{reason: refused("It was refused: %v.", err)}
	}
	return vetting{decoded: d}
}

// vetAll vets versions on every core.
func vetAll(vs []data.Version) []vetting {
	out := make([]vetting, len(vs))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range min(workers, len(vs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(vs); i += workers {
				out[i] = vet(vs[i])
			}
		}()
	}
	wg.Wait()
	return out
}

// admit checks an arriving version, vetted: a reason when it must be
// refused, or the records it cites that are not here (it must wait for
// them). The record it decoded to is kept for place.
func (w *writer) admit(v data.Version, vt vetting) (reason string, waiting []string, err error) {
	if vt.reason != "" {
		return vt.reason, nil, nil
	}
	d := vt.decoded
	w.remember(v, d)
	switch {
	case v.Deleted:
		return "", nil, nil
	case d.Event != nil:
		return w.admitEvent(*d.Event)
	case d.Actor != nil:
		a := *d.Actor
		if err := validateActor(&a); err != nil {
			return refused("It is not a valid actor: %s", data.ErrorMessage(err)), nil, nil
		}
		return "", nil, nil
	}
	return w.admitArticle(*d.Article)
}

// remember keeps what a version decoded to, for place.
func (w *writer) remember(v data.Version, d data.Decoded) {
	if w.decoded == nil {
		w.decoded = map[data.Rev]map[string]data.Decoded{}
	}
	if w.decoded[v.Rev] == nil {
		w.decoded[v.Rev] = map[string]data.Decoded{}
	}
	w.decoded[v.Rev][v.ID] = d
}

// decode is what a version decodes to: as admit kept it, or read now.
func (w *writer) decode(v data.Version) (data.Decoded, error) {
	if d, ok := w.decoded[v.Rev][v.ID]; ok {
		return d, nil
	}
	return v.Decode()
}

// shapeProblem says what is wrong with a version's frame: its kind, id,
// rev, lineage and size.
func shapeProblem(v data.Version) string {
	prefix := map[data.RecordKind]string{data.RecordEvent: data.EventPrefix, data.RecordActor: data.ActorPrefix, data.RecordArticle: data.ArticlePrefix}[v.Record]
	switch {
	case prefix == "":
		return refused("It names no kind of record Dossier knows (%q).", v.Record)
	case !data.IsID(v.ID, prefix):
		return refused("Its id %q is not the id of an %s.", v.ID, v.Record)
	case v.Rev.N < 1 || v.Rev.N > maxVersionN || !data.IsID(v.Rev.By, data.AnalystPrefix):
		return refused("Its version (%d, by %q) is not one Dossier writes.", v.Rev.N, v.Rev.By)
	case len(v.Lineage) > data.LineageLength:
		return refused("It claims a history of %d versions (at most %d travel).", len(v.Lineage), data.LineageLength)
	case len(v.Body) > maxVersionBody:
		return refused("It is %d MB long (at most %d MB travel).", len(v.Body)>>20, maxVersionBody>>20)
	case !v.Deleted && len(v.Body) == 0:
		return refused("It has no content.")
	}
	for _, r := range v.Lineage {
		if r.N < 1 || r.N > maxVersionN || r.By == "" {
			return refused("Its history names a version (%d, by %q) that Dossier does not write.", r.N, r.By)
		}
	}
	var body struct {
		ID string `json:"id"`
	}
	if !v.Deleted && json.Unmarshal(v.Body, &body) == nil && body.ID != "" && body.ID != v.ID {
		return refused("Its content is the record %q, not %q.", body.ID, v.ID)
	}
	return ""
}

// admitEvent checks an arriving event as a local write is checked, and
// finds the actors and articles it cites that are not here.
func (w *writer) admitEvent(e data.Event) (string, []string, error) {
	if e.Location != nil {
		l := *e.Location // validation tidies the country code: on a copy
		e.Location = &l
	}
	if err := validateEvent(&e); err != nil {
		return refused("It is not a valid event: %s", data.ErrorMessage(err)), nil, nil
	}
	var missing []string
	for _, id := range append(e.Parties(), e.Articles()...) {
		here, err := w.heardOf(id)
		if err != nil {
			return "", nil, err
		}
		if !here {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return "", missing, nil
	}
	reason, err := w.evidenceProblem(e)
	return reason, nil, err
}

// heardOf reports whether a record is here, or was here and was deleted
// (an event citing it was coded while a colleague deleted it: the event is
// taken, and check reports what it cites).
func (w *writer) heardOf(id string) (bool, error) {
	if w.arriving[id] {
		return true, nil
	}
	if ok, err := exists(w.txn, recordKey(kindOfID(id), id)); ok || err != nil {
		return ok, err
	}
	return exists(w.txn, tombKey(id))
}

// evidenceProblem checks that every quote of an arriving event lies in its
// article's text and reads as the event says.
func (w *writer) evidenceProblem(e data.Event) (string, error) {
	for _, sp := range e.Evidence {
		text, err := articleText(w.txn, sp.Article)
		if errors.Is(err, badger.ErrKeyNotFound) {
			continue // a deleted article
		}
		if err != nil {
			return "", err
		}
		n := utf8.RuneCountInString(text)
		if sp.End > n {
			return refused("Its evidence %d-%d lies outside article %s, which has %d characters.", sp.Start, sp.End, sp.Article, n), nil
		}
		if q := string([]rune(text)[sp.Start:sp.End]); sp.Quote != "" && sp.Quote != q {
			return refused("Its evidence %d-%d of article %s reads %q, not %q.", sp.Start, sp.End, sp.Article, q, sp.Quote), nil
		}
	}
	return "", nil
}

// admitArticle checks an arriving article: a valid header, and its text
// when this database does not have it yet.
func (w *writer) admitArticle(a data.Article) (string, []string, error) {
	if err := validateArticle(&a); err != nil {
		return refused("It is not a valid article: %s", data.ErrorMessage(err)), nil, nil
	}
	has, err := exists(w.txn, textKey(a.ID))
	if err != nil || has {
		return "", nil, err
	}
	if a.Text == "" {
		return refused("The article came without its text."), nil, nil
	}
	return "", nil, nil
}

// setAside keeps an arriving version that was refused (its reason) or
// must wait (for the records it names), in place of anything set aside
// before for the same record.
func (w *writer) setAside(v data.Version, reason string, waiting []string) error {
	if err := w.unpark(v.ID); err != nil {
		return err
	}
	a := data.SetAside{ID: v.ID, Record: v.Record, Rev: v.Rev, From: w.origin, Reason: reason, At: w.now}
	if len(waiting) > 0 {
		a.Waiting, a.Version = waiting, &v
		a.Reason = refused("It cites %s that %s not arrived yet; it is taken in when %s.", plural(len(waiting), "record"), haveOrHas(len(waiting)), theyOrIt(len(waiting)))
		for _, id := range waiting {
			if err := w.txn.Set([]byte(waitKey(id, v.ID)), nil); err != nil {
				return err
			}
		}
	}
	w.changes = append(w.changes, data.Change{ID: v.ID, Origin: w.origin, By: v.Rev.By, Aside: true})
	return setJSON(w.txn, setAsideKey(v.ID), a)
}

// unpark forgets what was set aside for a record.
func (w *writer) unpark(id string) error {
	var old data.SetAside
	switch err := getJSON(w.txn, setAsideKey(id), &old); {
	case errors.Is(err, errNotFound):
		return nil
	case err != nil:
		return err
	}
	for _, cited := range old.Waiting {
		if err := w.txn.Delete([]byte(waitKey(cited, id))); err != nil {
			return err
		}
	}
	return w.txn.Delete([]byte(setAsideKey(id)))
}

// arrived takes in what waited for a record that is now here.
func (w *writer) arrived(id string) error {
	for _, k := range keys(w.txn, waitPrefix(id)) {
		var a data.SetAside
		waiter := lastSegment(k)
		if err := getJSON(w.txn, setAsideKey(waiter), &a); err != nil || a.Version == nil {
			if err := w.txn.Delete([]byte(k)); err != nil {
				return err
			}
			continue
		}
		if _, err := w.merge(*a.Version, vet(*a.Version)); err != nil {
			return err
		}
	}
	return nil
}

// settledAside forgets what was set aside for a record once a state that
// comes after it has been taken in.
func (w *writer) settledAside(in data.Version) error {
	var old data.SetAside
	switch err := getJSON(w.txn, setAsideKey(in.ID), &old); {
	case errors.Is(err, errNotFound):
		return nil
	case err != nil:
		return err
	}
	if in.Descends(old.Rev) {
		return w.unpark(in.ID)
	}
	return nil
}

// SetAside lists what arrived and was not taken in, oldest first.
func (s *Store) SetAside() ([]data.SetAside, error) {
	var out []data.SetAside
	err := s.scan(func(txn *badger.Txn) error {
		return eachJSON(txn, "sa/", func(a *data.SetAside) error {
			out = append(out, *a)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, err
}

// PutAside keeps a value that could not be read as a version.
func (s *Store) PutAside(a data.SetAside) error {
	if a.At.IsZero() {
		a.At = time.Now().UTC()
	}
	err := s.update(func(txn *badger.Txn) error { return setJSON(txn, setAsideKey(a.ID), a) })
	if err == nil {
		s.feed.Publish([]data.Change{{ID: a.ID, Origin: a.From, Aside: true}})
	}
	return err
}

// Dismiss forgets one thing set aside.
func (s *Store) Dismiss(id string) error {
	err := s.update(func(txn *badger.Txn) error {
		if ok, err := exists(txn, setAsideKey(id)); err != nil || !ok {
			if err == nil {
				err = data.Errorf(data.ENotFound, "Nothing is set aside for %q.", id)
			}
			return err
		}
		return (&writer{s: s, txn: txn}).unpark(id)
	})
	if err == nil {
		s.feed.Publish([]data.Change{{ID: id, Origin: data.OriginWindow, Aside: true}})
	}
	return err
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func haveOrHas(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}

func theyOrIt(n int) string {
	if n == 1 {
		return "it does"
	}
	return "they do"
}
