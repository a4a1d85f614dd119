package suggest_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"dossier/app/suggest"
	"dossier/data"
)

// A made-up dispatch, in our own words, with the mentions a name-only
// reader misses: pronouns, titles without names, countries acting,
// groups and the names of leaders in "X regime".
const dispatch = `Tirana, 3 March 2025
Defence Minister Lena Markova visited Tirana on Monday. She met Prime Minister Edi Rama at his office.
The Albanian Foreign Minister, Arben Kola, said: "I welcome the visit."
Minister for Central Asia Ruth Lane joined the talks.
The United States strongly condemns the shelling of Vlora. We stand with the people of Albania.
Karim al-Hadi, a militia leader, told reporters that Syrians had fled the Dravek regime. He later attacked a convoy.
The Foreign Minister will travel to Rome on Friday.`

func mentionOf(t *testing.T, ss []suggest.Suggestion, kind, text string, nth int) suggest.Suggestion {
	t.Helper()
	for _, s := range ss {
		if s.Kind == kind && s.Text == text {
			if nth == 0 {
				return s
			}
			nth--
		}
	}
	t.Fatalf("no %s %q among the suggestions", kind, text)
	return suggest.Suggestion{}
}

func TestReferencesAreResolved(t *testing.T) {
	ss := suggest.Article(dispatch, "2025-03-03", nil)
	runes := []rune(dispatch)
	for _, c := range []struct {
		kind, text, refersTo string
		nth                  int
	}{
		{suggest.Person, "She", "Lena Markova", 0},
		{suggest.Person, "The Albanian Foreign Minister", "Arben Kola", 0},
		{suggest.Person, "I", "Arben Kola", 0},
		{suggest.Organisation, "The United States", "United States", 0},
		{suggest.Organisation, "We", "United States", 0},
		{suggest.Person, "He", "Karim al-Hadi", 0},
		{suggest.Person, "The Foreign Minister", "Arben Kola", 0},
	} {
		s := mentionOf(t, ss, c.kind, c.text, c.nth)
		if s.RefersTo != c.refersTo {
			t.Errorf("%s %q refers to %q, want %q", c.kind, c.text, s.RefersTo, c.refersTo)
		}
		if string(runes[s.Start:s.End]) != c.text {
			t.Errorf("%q: offsets %d–%d hold %q", c.text, s.Start, s.End, string(runes[s.Start:s.End]))
		}
	}
	kola := mentionOf(t, ss, suggest.Person, "Arben Kola", 0)
	if kola.Role != "Foreign Minister" || kola.Country != "ALB" {
		t.Errorf("Arben Kola: role %q, country %q", kola.Role, kola.Country)
	}
	if lane := mentionOf(t, ss, suggest.Person, "Ruth Lane", 0); lane.Role != "Minister for Central Asia" {
		t.Errorf("Ruth Lane: role %q", lane.Role)
	}
	if region := mentionOf(t, ss, suggest.Location, "Central Asia", 0); region.Lat == nil {
		t.Errorf("Central Asia has no coordinates")
	}
	if us := mentionOf(t, ss, suggest.Organisation, "The United States", 0); us.Country != "USA" || us.Sector != "GOV" {
		t.Errorf("The United States acting: %+v", us)
	}
	if syrians := mentionOf(t, ss, suggest.Organisation, "Syrians", 0); syrians.Country != "SYR" {
		t.Errorf("Syrians: %+v", syrians)
	}
	mentionOf(t, ss, suggest.Person, "Dravek", 0)
	mentionOf(t, ss, suggest.Organisation, "the Dravek regime", 0)
	mentionOf(t, ss, suggest.Organisation, "the people of Albania", 0)
	if friday := mentionOf(t, ss, suggest.Date, "on Friday", 0); friday.Date != "2025-03-07" {
		t.Errorf("“will travel to Rome on Friday” in an article of Monday 3 March 2025: %s, want the Friday after", friday.Date)
	}
	for _, s := range ss {
		if s.Kind == suggest.Location && s.Text == "March" {
			t.Error("the month of a date was taken for a place")
		}
		if s.Kind == suggest.Event && len(s.Actors) == 1 && len(s.Recipients) == 1 && s.Actors[0] == s.Recipients[0] {
			t.Errorf("%q: %s is both actor and recipient", s.Text, s.Actors[0])
		}
		if s.Sector != "" && !slices.Contains(data.Sectors, s.Sector) {
			t.Errorf("%q has sector %q, which the register refuses", s.Text, s.Sector)
		}
	}
}

func TestPronounEventsNameTheirAntecedent(t *testing.T) {
	for _, s := range suggest.Article(dispatch, "2025-03-03", nil) {
		if s.Kind == suggest.Event && strings.HasPrefix(s.Text, "He later attacked") {
			if s.Type != "ASSAULT" || len(s.Actors) != 1 || s.Actors[0] != "Karim al-Hadi" {
				t.Fatalf("attack: %+v", s)
			}
			return
		}
	}
	t.Fatal("no event suggested for the attack")
}

func TestSuggestionsAreTheSameEveryTime(t *testing.T) {
	first := suggest.Article(dispatch, "2025-03-03", nil)
	for range 5 {
		if again := suggest.Article(dispatch, "2025-03-03", nil); !reflect.DeepEqual(first, again) {
			t.Fatal("two runs over the same text disagree")
		}
	}
}

func TestMeetingBetweenTwo(t *testing.T) {
	text := "The meeting between Defence Minister Lena Markova and Prime Minister Edi Rama lasted an hour."
	for _, s := range suggest.Article(text, "2025-03-03", nil) {
		if s.Kind == suggest.Event {
			if s.Type != "CONSULT" || len(s.Actors) != 1 || s.Actors[0] != "Lena Markova" || len(s.Recipients) != 1 || s.Recipients[0] != "Edi Rama" {
				t.Fatalf("meeting between two: %+v", s)
			}
			return
		}
	}
	t.Fatal("no event suggested")
}

func TestDateRanges(t *testing.T) {
	text := "Defence Minister Lena Markova visited Uzbekistan from 5-6 April 2016. The two armies held joint exercises between March and May 2024."
	ss := suggest.Article(text, "2025-03-03", nil)
	for _, c := range []struct{ text, start, end string }{
		{"from 5-6 April 2016", "2016-04-05", "2016-04-06"},
		{"between March and May 2024", "2024-03-01", "2024-05-31"},
	} {
		d := mentionOf(t, ss, suggest.Date, c.text, 0)
		if d.Date != c.start || d.DateEnd != c.end || d.Precision != data.PrecisionRange {
			t.Errorf("%q: %s to %s (%s), want %s to %s", c.text, d.Date, d.DateEnd, d.Precision, c.start, c.end)
		}
	}
	for _, s := range ss {
		if s.Kind == suggest.Event && strings.Contains(s.Text, "visited") {
			if got := s.EventDate(); got.Start != "2016-04-05" || got.End != "2016-04-06" || got.Raw != "from 5-6 April 2016" {
				t.Errorf("the visit's date: %+v", got)
			}
		}
	}
}

// What did not happen is no event: "have not recognized" is no SUPPORT.
func TestDeniedVerbsAreNoEvents(t *testing.T) {
	text := "Both Albania and Serbia have not formally recognized the new government. The army did not attack the town."
	for _, s := range suggest.Article(text, "2025-03-03", nil) {
		if s.Kind == suggest.Event && (s.Type == "SUPPORT" || s.Type == "ASSAULT") {
			t.Errorf("a denied verb became an event: %s from %q", s.Type, s.Text)
		}
	}
}

// A pronoun with its verb contracted, as quotes write it, is still the
// pronoun: "We’re" stands for the government that spoke.
func TestContractedPronounsReferToTheirNames(t *testing.T) {
	text := "The United States strongly condemns the shelling of Vlora. “We’re standing with the people of Albania,” the statement said.\n" +
		"Karim al-Hadi, a militia leader, spoke to reporters. “I’m not afraid,” he said. He’d fled Vlora in May."
	ss := suggest.Article(text, "2025-03-03", nil)
	runes := []rune(text)
	for _, c := range []struct{ kind, text, refersTo string }{
		{suggest.Organisation, "We", "United States"},
		{suggest.Person, "I", "Karim al-Hadi"},
		{suggest.Person, "He", "Karim al-Hadi"},
	} {
		s := mentionOf(t, ss, c.kind, c.text, 0)
		if s.RefersTo != c.refersTo || string(runes[s.Start:s.End]) != c.text {
			t.Errorf("%s %q at %d–%d (%q) refers to %q, want %q", c.kind, c.text, s.Start, s.End, string(runes[s.Start:s.End]), s.RefersTo, c.refersTo)
		}
	}
}
