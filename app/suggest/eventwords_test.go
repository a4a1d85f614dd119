package suggest

import (
	"slices"
	"testing"
)

// A sentence in each language becomes an event with its type, its actor
// and its recipient, as in English (sentences written for this test; the
// language's shipped model where there is one).
func TestEventsInEveryLanguage(t *testing.T) {
	for _, c := range []struct {
		lang, text, cameo, actor, recipient string
	}{
		{"ru", "Министр обороны Сергей Шойгу встретился в Пекине с министром Сергеем Лавровым.", "040", "Сергей Шойгу", "Сергеем Лавровым"},
		{"ru", "Премьер Пётр Сидоров осудил заявление Ивана Петрова.", "111", "Пётр Сидоров", "Ивана Петрова"},
		{"ru", "Министр обороны России Сергей Шойгу встретился в Пекине с министром иностранных дел Китая Ван И.", "040", "Сергей Шойгу", "Ван И"},
		{"fr", "Le ministre Jean-Noël Barrot a rencontré à Genève le président Emmanuel Macron.", "040", "Jean-Noël Barrot", "Emmanuel Macron"},
		{"de", "Bürgermeister Peter Tschentscher traf am Montag den polnischen Botschafter Jan Nowak in Hamburg.", "040", "Peter Tschentscher", "Jan Nowak"},
		{"es", "El ministro Sergei Shoigu se reunió el lunes en Pekín con el canciller Wang Yi.", "040", "Sergei Shoigu", "Wang Yi"},
		{"zh", "外交部长王毅2日在北京会见了俄罗斯国防部长绍伊古。", "040", "王毅", "俄罗斯"},
		{"ar", "التقى وزير الدفاع الروسي نظيره الصيني في بكين.", "040", "وزير الدفاع الروسي", "نظيره الصيني"},
		{"ar", "وأدانت موسكو الهجوم على السفارة.", "111", "", ""}, // behind the clitic و
		{"zh", "外交部发言人谴责了这次袭击。", "111", "", ""},
	} {
		var ev *Suggestion
		ss := ArticleLearned(c.text, "2025-03-02", nil, Shipped(c.lang))
		for i := range ss {
			if ss[i].Kind == Event {
				ev = &ss[i]
				break
			}
		}
		switch {
		case ev == nil:
			t.Errorf("%s: no event in %q: %+v", c.lang, c.text, ss)
		case ev.CAMEO != c.cameo:
			t.Errorf("%s: %q read as %s, want %s", c.lang, c.text, ev.CAMEO, c.cameo)
		case c.actor != "" && !slices.Contains(ev.Actors, c.actor) || c.recipient != "" && !slices.Contains(ev.Recipients, c.recipient):
			t.Errorf("%s: %q: actors %v, recipients %v; want %s and %s", c.lang, c.text, ev.Actors, ev.Recipients, c.actor, c.recipient)
		}
	}
	// "did not meet" is no event, in Russian as in English
	for _, ss := range [][]Suggestion{Article("Министр не встретился с послом.", "", nil)} {
		for _, s := range ss {
			if s.Kind == Event {
				t.Errorf("a denied meeting is an event: %+v", s)
			}
		}
	}
}
