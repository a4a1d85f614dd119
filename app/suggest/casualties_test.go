package suggest

import (
	"testing"

	"dossier/data"
)

// Each form of a count the issue names, and one per language the
// suggestions read: the count as written, vague quantities by the
// documented rule, and the words kept.
func TestCasualtiesInEveryLanguage(t *testing.T) {
	for _, c := range []struct {
		sentence                  string
		killed, injured, arrested int // -1: not reported
		words                     string
	}{
		{"An air strike on a market in Aleppo killed at least 12 people and wounded 30 on Sunday.", 12, 30, -1, "killed at least 12; wounded 30"},
		{"Two soldiers were wounded when their patrol was ambushed.", -1, 2, -1, "Two soldiers were wounded"},
		{"Dozens were detained after the protest.", -1, -1, 12, "Dozens were detained"},
		{"Police arrested several protesters and hundreds were injured.", -1, 100, 3, "arrested several; hundreds were injured"},
		{"Two hundred people were killed, the ministry said.", 200, -1, -1, "Two hundred people were killed"},
		{"The blast killed 1,200 people in 2025 and nobody was arrested.", 1200, -1, 0, "killed 1,200; nobody was arrested"},
		{"No one was hurt in the fire.", -1, 0, -1, "No one was hurt"},
		{"Troops killed on 2 March a commander 12 km from the border.", -1, -1, -1, ""},
		{"Fighting in 2024 killed no civilians.", -1, -1, -1, ""},
		{"В результате обстрела погибли 5 человек, ещё трое ранены.", 5, 3, -1, "погибли 5; трое ранены"},
		{"Полиция задержала десятки участников; задержаны десятки человек.", -1, -1, 12, "задержаны десятки"},
		{"Внаслідок удару загинули двоє людей, поранено 14.", 2, 14, -1, "загинули двоє; поранено 14"},
		{"L'attaque a fait 12 morts et plusieurs blessés.", 12, 3, -1, "12 morts; plusieurs blessés"},
		{"Au moins trois policiers ont été tués et 40 personnes interpellées.", 3, -1, 40, "trois policiers ont été tués; 40 personnes interpellées"},
		{"El ataque dejó al menos 7 muertos y decenas de heridos.", 7, 12, -1, "7 muertos; decenas de heridos"},
		{"Bei dem Anschlag wurden 4 Menschen getötet und Dutzende verletzt.", 4, 12, -1, "4 Menschen getötet; Dutzende verletzt"},
		{"أسفر القصف عن مقتل 12 شخصا وإصابة ٣٠ آخرين.", 12, 30, -1, "مقتل 12; وإصابة ٣٠"},
		{"واعتقلت الشرطة عشرات المتظاهرين.", -1, -1, 12, "واعتقلت الشرطة عشرات"},
		{"در این حمله ۵ نفر کشته و ده\u200cها نفر زخمی شدند.", 5, 12, -1, "۵ نفر کشته; ده\u200cها نفر زخمی"},
		{"爆炸造成12人死亡、三十五人受伤，警方逮捕了两名嫌疑人。", 12, 35, 2, "12人死亡; 三十五人受伤; 逮捕了两名"},
		{"事故造成数十人受伤。", -1, 12, -1, "数十人受伤"},
	} {
		size, words := casualties(c.sentence)
		for i, want := range []int{c.killed, c.injured, c.arrested} {
			got := *size.Field(data.SizeFields[i])
			if want < 0 && got != nil || want >= 0 && (got == nil || *got != want) {
				t.Errorf("%s\n\t%s: %v, want %d (%q)", c.sentence, data.SizeFields[i], show(got), want, words)
			}
		}
		if words != c.words {
			t.Errorf("%s\n\twords %q, want %q", c.sentence, words, c.words)
		}
	}
}

func show(n *int) any {
	if n == nil {
		return "not reported"
	}
	return *n
}

// An event suggested from a sentence carries its counts, and accepting it
// would store them (the session copies Size into the event).
func TestAnEventSuggestionCarriesItsCasualties(t *testing.T) {
	var ev *Suggestion
	for _, s := range Article("Strike kills twelve\n\nAn air strike killed at least 12 people in Aleppo on Sunday.", "2025-03-02", nil) {
		if s.Kind == Event {
			ev = &s
		}
	}
	if ev == nil || ev.Size == nil || ev.Size.Label() != "12 killed" || ev.SizeWords != "killed at least 12" {
		t.Fatalf("event suggestion %+v", ev)
	}
}
