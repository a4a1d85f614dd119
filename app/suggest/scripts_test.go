package suggest

import "testing"

// Places, countries and nationalities in other scripts and languages are
// found in the forms the text holds them, each resolved to the country it
// is of (sentences written for this test).
func TestPlacesAndNationalitiesInEveryScript(t *testing.T) {
	for _, c := range []struct {
		text, kind, want, country string
	}{
		{"Министр обороны встретился в Пекине с коллегой.", Location, "Пекине", "CHN"},
		{"Позже делегация вылетела в Москву.", Location, "Москву", "RUS"},
		{"Переговоры с представителями Китая продолжатся.", Location, "Китая", "CHN"},
		{"التقى الوزير وبكين ضيوفه في القاهرة.", Location, "بكين", "CHN"},
		{"التقى الوزير نظيره الصيني أمس.", Nationality, "الصيني", "CHN"},
		{"外交部长在北京会见了来访的代表团。", Location, "北京", "CHN"},
		{"代表团随后前往上海参观。", Location, "上海", "CHN"},
		{"Le ministre russe a rencontré son homologue à Pékin.", Nationality, "russe", "RUS"},
		{"Le ministre russe a rencontré son homologue à Pékin.", Location, "Pékin", "CHN"},
		{"Des diplomates syriens étaient présents.", Nationality, "syriens", "SYR"},
		{"В пятницу российский министр посетил Шанхай.", Nationality, "российский", "RUS"},
		{"Переговоры с китайской стороной продолжатся.", Nationality, "китайской", "CHN"},
		{"Иранские дипломаты прибыли вечером.", Nationality, "Иранские", "IRN"},
		{"Українська делегація прибула до Варшави.", Nationality, "Українська", "UKR"},
		{"التقى وزير الدفاع الروسي نظيره في بكين.", Nationality, "الروسي", "RUS"},
		{"التقى وزير الدفاع الروسي نظيره في بكين.", Person, "وزير الدفاع الروسي", "RUS"}, // an office, with its country
	} {
		var got []Suggestion
		found := false
		for _, s := range Article(c.text, "", nil) {
			got = append(got, s)
			found = found || s.Kind == c.kind && s.Text == c.want && s.Country == c.country
		}
		if !found {
			t.Errorf("%s %q (%s) not found in %q: %+v", c.kind, c.want, c.country, c.text, got)
		}
	}
	// a short word of another script is no village: "Please polish" is no
	// nationality either, "Ван И" is Wang Yi, not the town of Van, and a
	// city hall ("городской") is of no country
	for _, text := range []string{"Please polish the table before they arrive.", "他们说了很多话。", "Министр встретился с Ван И в городской ратуше."} {
		for _, s := range Article(text, "", nil) {
			if s.Kind == Location || s.Kind == Nationality {
				t.Errorf("%q: %s %q", text, s.Kind, s.Text)
			}
		}
	}
}
