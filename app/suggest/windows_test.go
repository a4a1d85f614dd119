package suggest

import (
	"reflect"
	"strings"
	"testing"
)

// Reading a long text only around its cues finds the dates reading it
// whole finds, in every language, beside words that start like a month
// ("mairie", "may", "Marseille") and dates at the very start and end.
func TestDatesAroundCuesAreTheDatesOfTheWholeText(t *testing.T) {
	parts := []string{
		"MOSCOW, March 2, 2025. The minister may travel to Marseille on Friday, from 5 to 7 April 2025.",
		"La mairie a dit vendredi dernier que le pont ouvrira le 2 mars 2025, en décembre 2023 déjà.",
		"МОСКВА, 2 марта 2025 года. В пятницу министр сказал, что в декабре 2023 года всё было иначе.",
		"Der Bürgermeister eröffnete am Montag, 2. März 2025, die Brücke; gestern sprach er im Mai.",
		"بكين، 2 مارس 2025 - التقى الوزير نظيره يوم الجمعة الماضي.",
		"新华社北京3月2日电 外交部长王毅上周五在北京会见了代表。2025年3月2日双方交换了意见。",
		"El ministro habló el viernes; el 2 de marzo de 2025 llegó. Since 2019, on 2025-03-01, yesterday.",
		strings.Repeat("Nothing dated here, only words and numbers like 42 and 7,000 people. ", 3),
	}
	var b strings.Builder
	for i := range 40 {
		b.WriteString(parts[i%len(parts)])
		b.WriteString(" ")
	}
	b.WriteString("Dec. 5")
	d := newDocument(b.String())
	whole, around := datesRead(d, "2025-03-02", false), datesRead(d, "2025-03-02", true)
	if len(whole) < 100 {
		t.Fatalf("only %d dates found in the whole text", len(whole))
	}
	if !reflect.DeepEqual(whole, around) {
		t.Fatalf("around the cues: %d dates, whole text: %d\nfirst difference: %v", len(around), len(whole), firstDifference(whole, around))
	}
}

func firstDifference(a, b []Suggestion) string {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return a[i].Text + " / " + b[i].Text
		}
	}
	return "one list is longer"
}
