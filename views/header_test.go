package views

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"

	"dossier/data"
)

// The header is driven through its port: choosing a status or a language
// saves the header once; a refused save shows the header as it is stored.
func TestHeaderKeepsTheAnalystsChoices(t *testing.T) {
	var saved []data.Article
	refuse := false
	rereads, told := 0, ""
	h := newArticleHeader(headerLinks{win: test.NewTempWindow(t, nil),
		save: func(a *data.Article) error {
			if refuse {
				return errors.New("changed meanwhile")
			}
			a.Version++
			saved = append(saved, *a)
			return nil
		},
		languageOf: func(a *data.Article) string { return a.Language },
		reread:     func() { rereads++ },
		tell:       func(s string) { told = s }})
	a := &data.Article{ID: "ar-1", Title: "Talks in Beijing", Text: "MOSCOW, March 2 …", Published: "2025-03-02",
		Source: "TASS", Status: data.StatusNew, Language: "en", Revision: data.Revision{Version: 3}}
	h.show(a)
	if h.title.Text != "Talks in Beijing" || h.meta.Text != "2025-03-02" || h.source.Text != "TASS" || h.status.Selected != data.StatusNew || h.lang.Selected != "English" {
		t.Fatalf("the header shows %q, %q, %q, %q, %q", h.title.Text, h.meta.Text, h.source.Text, h.status.Selected, h.lang.Selected)
	}

	h.status.SetSelected(data.StatusDone)
	h.lang.SetSelected("German")
	if len(saved) != 2 || saved[0].Status != data.StatusDone || saved[1].Language != "de" || saved[1].Text != "" {
		t.Fatalf("saved %+v", saved)
	}
	if a.Status != data.StatusDone || a.Language != "de" || a.Version != 5 || a.Text != "MOSCOW, March 2 …" {
		t.Errorf("the open article is now %+v", a)
	}
	if rereads != 1 || told != "Suggestions now read the article as German." {
		t.Errorf("%d rereads, told %q", rereads, told)
	}

	h.reliability.SetSelected(data.ReliabilityLabel("B"))
	if len(saved) != 3 || saved[2].Reliability != "B" || a.Reliability != "B" {
		t.Fatalf("grading the source B saved %+v", saved[len(saved)-1])
	}

	refuse = true
	h.status.SetSelected(data.StatusInProgress)
	if len(saved) != 3 || a.Status != data.StatusDone || h.status.Selected != data.StatusDone {
		t.Errorf("a refused status shows %q (article %q)", h.status.Selected, a.Status)
	}
}
