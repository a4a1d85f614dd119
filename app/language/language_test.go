package language

import (
	"testing"

	"dossier/data"
)

// Sentences written for this test, one language each.
func TestDetect(t *testing.T) {
	for want, text := range map[string]string{
		"en": "The delegations met in the old customs house on Tuesday morning and spoke for nearly four hours about the border.",
		"ru": "Делегации встретились во вторник утром в старом здании таможни и почти четыре часа обсуждали открытие переходов.",
		"ar": "التقى وزير الخارجية بالوفد في القاهرة يوم الجمعة وناقش الطرفان قضايا الأمن الإقليمي والتعاون الاقتصادي.",
		"fa": "وزیر امور خارجه روز جمعه در تهران با هیئت نمایندگی دیدار کرد و دو طرف درباره امنیت منطقه گفتگو کردند.",
		"zh": "外交部长周五在北京会见了代表团，双方讨论了地区安全与经济合作问题，并同意下个月继续举行会谈。",
		"ja": "外務大臣は金曜日に東京で代表団と会談し、地域の安全保障と経済協力について話し合った。",
		"fr": "Le ministre a rencontré la délégation à Genève vendredi et les deux parties ont discuté de sécurité régionale.",
		"de": "Der Minister traf die Delegation am Freitag in Genf, und beide Seiten sprachen über die Sicherheit in der Region.",
		"es": "El ministro se reunió con la delegación en Ginebra el viernes y ambas partes hablaron de la seguridad regional.",
	} {
		if got := Detect(text); got != want {
			t.Errorf("Detect(%.30q) = %q, want %q", text, got, want)
		}
	}
	if got := Detect("OK"); got != "" {
		t.Errorf("two letters are too few to tell: %q", got)
	}
}

func TestDeclaredLanguageComesFirst(t *testing.T) {
	a := &data.Article{Language: "fr-CH", Text: "The delegations met in the old customs house on Tuesday morning."}
	if got := Of(a); got != "fr" {
		t.Errorf("Of = %q, want the declared fr", got)
	}
	a.Language = ""
	if got := Of(a); got != "en" {
		t.Errorf("Of = %q, want en", got)
	}
}
