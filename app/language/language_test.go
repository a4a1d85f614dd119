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
	// short lines, where trigram statistics alone said Afrikaans and
	// Norwegian Nynorsk (or nothing)
	for _, text := range []string{
		"Officials in Geneva said the talks on the border would resume next week.",
		"MOSCOW, March 2, 2025. Russian Defence Minister Sergei Shoigu met Chinese Foreign Minister Wang Yi in Beijing.",
		"Talks in Beijing\n\ndate 2025-03-02\n\nSergei Shoigu met Wang Yi in Beijing on Sunday.", // "met" and "in" are Dutch too
	} {
		if got := Detect(text); got != "en" {
			t.Errorf("Detect(%.30q) = %q, want en", text, got)
		}
	}
	if got := Detect("Die Regering het Dinsdag in Pretoria aangekondig dat die nuwe wetgewing oor grondhervorming volgende jaar in werking sal tree, nadat die kabinet die voorstelle goedgekeur het. Die minister van landbou het gesê dat boere en gemeenskappe eers geraadpleeg sal word voordat die regulasies gefinaliseer word, en dat die proses deursigtig sal wees. Kritici sê egter dat die tydsraamwerk te kort is en dat kleinboere nie genoeg tyd sal hê om hul besware in te dien nie. Die parlement sal die wetsontwerp volgende maand bespreek, en verskeie partye het reeds aangedui dat hulle wysigings sal voorstel."); got != "af" {
		t.Errorf("a long text in a language outside the common ones is still told: %q", got)
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
