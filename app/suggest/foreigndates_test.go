package suggest

import "testing"

// Each language's datelines and dates in the text resolve against the
// article's date, at their precision (sentences written for this test;
// the article is of Sunday 2 March 2025).
func TestDatesInEveryLanguage(t *testing.T) {
	for _, c := range []struct{ lang, text, raw, want string }{
		{"ru", "МОСКВА, 2 марта 2025 года. Министр встретился в пятницу с послом.", "2 марта 2025 года", "2025-03-02"},
		{"ru", "Министр встретился в пятницу с послом.", "в пятницу", "2025-02-28"},
		{"ru", "В декабре 2023 года он был в Пекине.", "В декабре 2023 года", "2023-12"},
		{"uk", "Міністр прибув у п'ятницю.", "у п'ятницю", "2025-02-28"},
		{"fr", "PARIS, 2 mars 2025 – Le ministre a rencontré vendredi son homologue.", "vendredi", "2025-02-28"},
		{"fr", "Il était à Pékin en décembre 2023.", "en décembre 2023", "2023-12"},
		{"fr", "Le ministre partira lundi prochain.", "lundi prochain", "2025-03-03"},
		{"de", "HAMBURG, 2. März 2025. Der Bürgermeister traf am Freitag den Botschafter.", "am Freitag", "2025-02-28"},
		{"de", "Gestern sprach er mit der Presse.", "Gestern", "2025-03-01"},
		{"es", "MADRID, 2 de marzo de 2025. El ministro se reunió el viernes con el embajador.", "2 de marzo de 2025", "2025-03-02"},
		{"ar", "بكين، 2 مارس 2025 - التقى الوزير يوم الجمعة نظيره.", "يوم الجمعة", "2025-02-28"},
		{"ar", "التقى الوزير أمس نظيره.", "أمس", "2025-03-01"},
		{"zh", "新华社北京3月2日电 外交部长上周五会见了代表团。", "上周五", "2025-02-21"},
		{"zh", "新华社北京3月2日电 外交部长会见了代表团。", "3月2日", "2025-03-02"},
		{"zh", "会议于2023年12月5日举行。", "2023年12月5日", "2023-12-05"},
	} {
		var got []Suggestion
		ok := false
		for _, s := range Article(c.text, "2025-03-02", nil) {
			if s.Kind == Date {
				got = append(got, s)
				ok = ok || s.Text == c.raw && s.Date == c.want
			}
		}
		if !ok {
			t.Errorf("%s: %q is not read as %s in %q: %+v", c.lang, c.raw, c.want, c.text, got)
		}
	}
	// German "hier" is "here", and a month name inside a word is no date
	for _, text := range []string{"Hier ist es ruhig.", "Die Marsmission dauerte lange."} {
		for _, s := range Article(text, "2025-03-02", nil) {
			if s.Kind == Date {
				t.Errorf("%q: a date %q", text, s.Text)
			}
		}
	}
}
