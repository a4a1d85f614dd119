package app

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"dossier/data"
)

// SourceRow is one line of the register of sources: the source as its
// articles name it, the reliability they carry (more than one when the
// analyst graded some articles apart), and how many articles and events
// come from it.
type SourceRow struct {
	Name          string
	Reliabilities []string // distinct, best first; none when no article is graded
	Articles      int
	Events        int // events coded from its articles
}

// Reliability is the row's grade as the register shows it: "B", "B, C"
// when its articles disagree, "" when none is graded.
func (r SourceRow) Reliability() string {
	return strings.Join(r.Reliabilities, ", ")
}

// Label is the source as the register names it: "(no source)" for the
// articles that name none.
func (r SourceRow) Label() string {
	if r.Name == "" {
		return "(no source)"
	}
	return r.Name
}

// Sources lists every source the articles name, most articles first; the
// articles without a source come last, under the name "". It stops with
// the context's error once the context is cancelled.
func (s *Session) Sources(ctx context.Context) ([]SourceRow, error) {
	arts, err := s.st.Articles()
	if err != nil {
		return nil, err
	}
	rows := map[string]*SourceRow{}
	sourceOf := map[string]string{} // article id → source key
	for _, a := range arts {
		k := data.SourceKey(a.Source)
		r := rows[k]
		if r == nil {
			r = &SourceRow{Name: a.Source}
			rows[k] = r
		}
		r.Articles++
		if a.Reliability != "" && !slices.Contains(r.Reliabilities, a.Reliability) {
			r.Reliabilities = append(r.Reliabilities, a.Reliability)
		}
		sourceOf[a.ID] = k
	}
	byArticle, err := s.st.EventsByFirstArticle(ctx)
	for id, n := range byArticle {
		if k, ok := sourceOf[id]; ok {
			rows[k].Events += n
		}
	}
	out := make([]SourceRow, 0, len(rows))
	for _, r := range rows {
		slices.Sort(r.Reliabilities)
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Name == "") != (b.Name == "") {
			return b.Name == ""
		}
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		return data.SourceKey(a.Name) < data.SourceKey(b.Name)
	})
	return out, err
}

// GradeSource gives every article of a source the reliability r ("" takes
// the grade away), as one undoable step; the articles imported from it
// later get the same. It returns how many articles changed.
func (s *Session) GradeSource(source, r string) (int, error) {
	if data.SourceKey(source) == "" {
		return 0, data.Errorf(data.EInvalid, "The articles without a source cannot be graded together; grade each one in its header.")
	}
	if err := data.CheckReliability(r); err != nil {
		return 0, data.Errorf(data.EInvalid, "The source %q cannot be graded: %v.", source, err)
	}
	defer s.history.hold()()
	arts, err := s.st.Articles()
	if err != nil {
		return 0, err
	}
	step := change{label: "grade " + source + " " + orNone(r), kind: data.RecordArticle, at: time.Now()}
	batch := &data.Batch{}
	for i := range arts {
		a := &arts[i]
		if data.SourceKey(a.Source) != data.SourceKey(source) || a.Reliability == r {
			continue
		}
		step.more = append(step.more, change{kind: data.RecordArticle, id: a.ID, before: snapshot(a)})
		a.Reliability = r
		batch.Articles = append(batch.Articles, a)
	}
	if len(batch.Articles) == 0 {
		return 0, nil
	}
	if err := s.st.Commit(s.ctx(s.origin), batch); err != nil {
		return 0, err
	}
	for i, a := range batch.Articles {
		step.more[i].after, step.more[i].version = snapshot(a), a.Version
	}
	last := step.more[len(step.more)-1]
	step.id, step.before, step.after, step.version = last.id, last.before, last.after, last.version
	step.more = step.more[:len(step.more)-1]
	s.history.push(step)
	return len(batch.Articles), nil
}

// NameSource names the source of an article read at its version, as one
// undoable step; an article not yet graded takes the grade the source's
// other articles carry.
func (s *Session) NameSource(a *data.Article, source string) error {
	source = strings.Join(strings.Fields(source), " ")
	defer s.history.hold()()
	h := a.Header()
	h.Source = source
	if h.Reliability == "" && source != "" {
		grades, err := s.sourceGrades()
		if err != nil {
			return err
		}
		h.Reliability = grades[data.SourceKey(source)]
	}
	if err := s.saveArticle(&h, "source"); err != nil {
		return err
	}
	a.Source, a.Reliability, a.Revision = h.Source, h.Reliability, h.Revision
	return nil
}

func orNone(r string) string {
	if r == "" {
		return "(none)"
	}
	return r
}

// sourceGrades is the reliability each graded source's articles carry, by
// source key: that of its graded article changed last, so that a new grade
// given in the Sources tab or a header is the one a new article gets.
func (s *Session) sourceGrades() (map[string]string, error) {
	arts, err := s.st.Articles()
	if err != nil {
		return nil, err
	}
	grades, when := map[string]string{}, map[string]time.Time{}
	for _, a := range arts {
		k := data.SourceKey(a.Source)
		if k == "" || a.Reliability == "" || a.Updated.Before(when[k]) {
			continue
		}
		grades[k], when[k] = a.Reliability, a.Updated
	}
	return grades, nil
}

// gradeNew gives a new article the reliability its source's articles
// carry, unless it has one.
func gradeNew(grades map[string]string) func(*data.Article) {
	return func(a *data.Article) {
		if a.Reliability == "" {
			a.Reliability = grades[data.SourceKey(a.Source)]
		}
	}
}

// reliabilities is each article's reliability by id, read from the
// headers when needed (otherwise none).
func (s *Session) reliabilities(needed bool) (func(articleID string) string, error) {
	byID := map[string]string{}
	if needed {
		arts, err := s.st.Articles()
		if err != nil {
			return nil, err
		}
		for _, a := range arts {
			if a.Reliability != "" {
				byID[a.ID] = a.Reliability
			}
		}
	}
	return func(id string) string { return byID[id] }, nil
}
