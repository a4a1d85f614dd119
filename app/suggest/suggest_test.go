package suggest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/app"
	"dossier/app/suggest"
	"dossier/data"
	"dossier/data/sharedtest"
)

func find(ss []suggest.Suggestion, kind, text string) (suggest.Suggestion, bool) {
	for _, s := range ss {
		if s.Kind == kind && s.Text == text {
			return s, true
		}
	}
	return suggest.Suggestion{}, false
}

// checkWorkedExample asserts the worked example's E1 and E3 and its three
// people, with offsets that point at their words.
func checkWorkedExample(t *testing.T, text string, ss []suggest.Suggestion) {
	t.Helper()
	runes := []rune(text)
	for _, p := range []struct{ name, country string }{{"Sergei Shoigu", "RUS"}, {"Wang Yi", "CHN"}, {"Xi Jinping", "CHN"}} {
		s, ok := find(ss, suggest.Person, p.name)
		if !ok || s.Country != p.country || string(runes[s.Start:s.End]) != p.name {
			t.Errorf("person %s: %+v (found %v)", p.name, s, ok)
		}
	}
	var e1, e3 bool
	for _, s := range ss {
		if s.Kind != suggest.Event || s.Type != "CONSULT" || string(runes[s.Start:s.End]) != s.Text && strings.TrimSpace(string(runes[s.Start:s.End])) != s.Text {
			continue
		}
		if s.Date == "2025-02-28" && s.Place == "Beijing" && strings.Contains(strings.Join(s.Actors, ","), "Shoigu") && strings.Contains(strings.Join(s.Recipients, ","), "Wang Yi") {
			e1 = true
		}
		if s.Date == "2023-12" && s.Precision == "month" && s.Place == "Kabul" {
			e3 = true
		}
	}
	if !e1 || !e3 {
		for _, s := range ss {
			if s.Kind == suggest.Event {
				t.Logf("event %+v", s)
			}
		}
		t.Fatalf("E1 found %v, E3 found %v", e1, e3)
	}
}

func TestSuggestsTheWorkedExample(t *testing.T) {
	text := app.SampleText()
	checkWorkedExample(t, text, suggest.Article(text, "2025-03-02", nil))
}

func TestSuggestsTheSeedArticle(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(sharedtest.Need(t, "seed"), "shoigu-wang-yi-beijing.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checkWorkedExample(t, string(b), suggest.Article(string(b), "2025-03-02", nil))
}

// BenchmarkSuggest50k: suggestions for a 50,000-character article (target
// under 200 ms).
func BenchmarkSuggest50k(b *testing.B) {
	one := app.SampleText()
	text := strings.Repeat(one+"\n\n", 50000/len(one)+1)[:50000]
	suggest.Article(text, "2025-03-02", nil) // load the codebooks first
	var total time.Duration
	for b.Loop() {
		t := time.Now()
		suggest.Article(text, "2025-03-02", nil)
		total += time.Since(t)
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-per-50k-article")
}

// BenchmarkSuggest50kRegister10k: the same article with a register of
// 10,000 actors (two names each), as the window and `suggest --article`
// read it; reported beside the time without a register.
func BenchmarkSuggest50kRegister10k(b *testing.B) {
	one := app.SampleText()
	text := strings.Repeat(one+"\n\n", 50000/len(one)+1)[:50000]
	register := make([]data.Actor, 10000)
	for i := range register {
		register[i] = data.Actor{ID: fmt.Sprintf("ac-%d", i), Name: fmt.Sprintf("Person%d Surname%d", i, i), Aliases: []string{fmt.Sprintf("Alias%d", i)}, Kind: data.KindPerson}
	}
	register = append(register, data.Actor{ID: "ac-shoigu", Name: "Sergei Shoigu", Kind: data.KindPerson})
	suggest.Article(text, "2025-03-02", register)
	var with, without time.Duration
	for b.Loop() {
		t := time.Now()
		suggest.Article(text, "2025-03-02", register)
		with += time.Since(t)
		t = time.Now()
		suggest.Article(text, "2025-03-02", nil)
		without += time.Since(t)
	}
	b.ReportMetric(float64(with.Milliseconds())/float64(b.N), "ms-with-register")
	b.ReportMetric(float64(with)/float64(without), "ratio-to-no-register")
}

// A place noun after "that" is the place, not the conjunction.
func TestPlaceNounAfterThat(t *testing.T) {
	ss := suggest.Article("The minister warned that the border would close on Friday.", "", nil)
	if _, ok := find(ss, suggest.Location, "the border"); !ok {
		t.Fatalf("locations: %+v", ss)
	}
}

// The second verb of a sentence's subject is the subject's, not the
// object's of the first verb.
func TestSecondVerbKeepsItsSubject(t *testing.T) {
	ss := suggest.Article("In Vilnius, Foreign Minister Rein Aavik thanked the European Commission and warned Moscow against new tariffs.", "", nil)
	for _, s := range ss {
		if s.Kind == suggest.Event && s.Type == "THREATEN" {
			if strings.Join(s.Actors, ",") != "Rein Aavik" {
				t.Fatalf("who warned: %+v", s)
			}
			return
		}
	}
	t.Fatalf("no threat suggested: %+v", ss)
}

// A place whose name begins with a word that alone names nothing ("New")
// is found whole: "New York" is not York in England.
func TestPlaceNamesWithAPrefix(t *testing.T) {
	ss := suggest.Article("The envoy flew to New York on Monday, later to New Delhi and to Northern Ireland.", "", nil)
	for name, country := range map[string]string{"New York": "USA", "New Delhi": "IND"} {
		s, ok := find(ss, suggest.Location, name)
		if !ok || s.Country != country {
			t.Errorf("%s: %+v, want a place in %s; all: %+v", name, s, country, ss)
		}
	}
	if _, ok := find(ss, suggest.Location, "York"); ok {
		t.Errorf("York offered inside New York: %+v", ss)
	}
	if _, ok := find(ss, suggest.Location, "Northern Ireland"); !ok { // not the Republic of Ireland
		t.Errorf("Northern Ireland not found whole: %+v", ss)
	}
}
