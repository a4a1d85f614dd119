package suggest

import (
	"bytes"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"dossier/assets"
)

// A corpus in CoNLL (IOB1, blank lines, -DOCSTART-) and in UniversalNER's
// IOB2 (numbered tokens, comments) reads to the same examples; a sentence
// with a MISC name is left out, a malformed tag is refused with its line.
func TestReadTagged(t *testing.T) {
	conll := "-DOCSTART- O\n\nTarvo I-PER\nmet I-O\nthe O\nHarbour I-ORG\nCouncil I-ORG\nin O\nVelmar I-LOC\n. O\n\nThe O\nVelmar I-MISC\nCup I-MISC\n. O\n"
	conll = strings.Replace(conll, "I-O", "O", 1)
	iob2 := "# sent_id = 1\n# text = Tarvo met the Harbour Council in Velmar .\n1\tTarvo\tB-PER\t-\t-\n2\tmet\tO\t-\t-\n3\tthe\tO\t-\t-\n4\tHarbour\tB-ORG\t-\t-\n5\tCouncil\tI-ORG\t-\t-\n6\tin\tO\t-\t-\n7\tVelmar\tB-LOC\t-\t-\n8\t.\tO\t-\t-\n\n"
	want := []Example{{Text: "Tarvo met the Harbour Council in Velmar .", Complete: true, Entities: []Annotation{
		{Kind: Person, Start: 0, End: 5}, {Kind: Organisation, Start: 14, End: 29}, {Kind: Location, Start: 33, End: 39}}}}
	for name, in := range map[string]string{"conll": conll, "iob2": iob2} {
		got, err := ReadTagged(strings.NewReader(in), name)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v %v", name, got, err)
		}
	}
	// two names of a kind side by side, in IOB2, stay two
	got, _ := ReadTagged(strings.NewReader("Tarvo B-PER\nPell B-PER\nsaid O\n"), "two")
	if len(got) != 1 || len(got[0].Entities) != 2 || got[0].Entities[1].Start != 6 {
		t.Errorf("side by side: %+v", got)
	}
	if _, err := ReadTagged(strings.NewReader("Tarvo X-PER\n"), "bad.conll"); err == nil || !strings.Contains(err.Error(), "bad.conll") || !strings.Contains(err.Error(), `"X-PER"`) {
		t.Errorf("a bad tag: %v", err)
	}
}

// The shipped form is the same bytes each time the same model is written,
// and reads back to a model that suggests the same.
func TestShippedFormIsStable(t *testing.T) {
	m := NewModel().Learn(synthCorpus(30, 8), LearningPasses)
	a, err := m.EncodeShipped("synthetic")
	if err != nil {
		t.Fatal(err)
	}
	again := NewModel().Learn(synthCorpus(30, 8), LearningPasses)
	if b, _ := again.EncodeShipped("synthetic"); !bytes.Equal(a, b) {
		t.Fatal("the same examples made different bytes")
	}
	read, err := DecodeShipped(a)
	if err != nil {
		t.Fatal(err)
	}
	text := "Before leaving the capital, Pell said the talks with Kestrel Relief would go on."
	if got, want := ArticleLearned(text, "", nil, read), ArticleLearned(text, "", nil, m); !reflect.DeepEqual(got, want) {
		t.Errorf("read back: %+v\nwritten: %+v", got, want)
	}
	if read.Base != "synthetic" {
		t.Errorf("its name: %q", read.Base)
	}
	if _, err := DecodeShipped(a[:len(a)/2]); err == nil {
		t.Error("half a model was read")
	}
}

// What a database keeps is what it learned beyond the shipped model:
// small, and the shipped model with it suggests as the model did.
func TestLearnedOverShipped(t *testing.T) {
	base, err := DecodeShipped(must(NewModel().Learn(synthCorpus(30, 8), LearningPasses).EncodeShipped("base")))
	if err != nil {
		t.Fatal(err)
	}
	taught := base.Clone().Learn([]Example{{Text: "The envoys met ul-Tarvo on Monday.", Entities: []Annotation{{Kind: Person, Start: 15, End: 23}}}}, 5)
	delta := taught.Minus(base)
	if len(delta.feats.w) >= len(taught.feats.w)/2 {
		t.Errorf("the lesson keeps %d of %d features", len(delta.feats.w), len(taught.feats.w))
	}
	b, _ := delta.MarshalBinary()
	kept, err := UnmarshalModel(b)
	if err != nil {
		t.Fatal(err)
	}
	back := kept.Over(base)
	text := "Before leaving the capital, ul-Tarvo said the talks with Kestrel Relief would go on."
	if got, want := ArticleLearned(text, "", nil, back), ArticleLearned(text, "", nil, taught); !reflect.DeepEqual(got, want) {
		t.Errorf("over the base: %+v\nlearned: %+v", got, want)
	}
	if back.Examples != taught.Examples || back.Annotated != taught.Annotated || back.Base != "base" {
		t.Errorf("counts %d %d %q, want %d %d", back.Examples, back.Annotated, back.Base, taught.Examples, taught.Annotated)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// Dossier ships an English model, trained from the corpora SOURCES.tsv
// pins, and none for a language it has no corpus for yet.
func TestShippedModels(t *testing.T) {
	en := Shipped("en")
	if en == nil || en.Annotated < matureAfter || !strings.Contains(en.Base, "UNER_English-EWT@") {
		t.Fatalf("the English model: %+v", en)
	}
	if Shipped("xx") != nil {
		t.Error("a model for a language with no corpus")
	}
	srcs, err := Sources()
	if err != nil || len(srcs) == 0 {
		t.Fatalf("SOURCES.tsv: %v", err)
	}
	for _, s := range srcs {
		if (s.Role == RoleTrain || s.Role == RoleSplit) && s.Repo != fromShared && !strings.Contains(Shipped(s.Lang).Base, s.Repo+"@"+s.Commit+":"+s.Path) {
			t.Errorf("the %s model was not trained from %s (%s)", s.Lang, s.File, Shipped(s.Lang).Base)
		}
	}
}

// BenchmarkShippedModel: reading each language's shipped model (target
// under 150 ms, once a process) and suggesting for a 50,000-character
// article in that language with it, beside the rules alone (target under
// 200 ms); Russian and Arabic, with no model yet, with the rules alone.
func BenchmarkShippedModel(b *testing.B) {
	for _, c := range []struct{ lang, text string }{
		{"en", "MOSCOW, March 2, 2025. Russian Defence Minister Sergei Shoigu met Chinese Foreign Minister Wang Yi in Beijing on Sunday, where the two discussed regional security. Shoigu said Moscow valued the partnership. Wang told reporters that China would keep talking with all sides.\n\n"},
		{"de", "HAMBURG, 2. März 2025. Der Bürgermeister von Hamburg, Peter Tschentscher, eröffnete am Montag die neue Brücke über die Elbe. Tausende Menschen kamen zur Feier an das Ufer. Vertreter der Hafenbehörde dankten den Arbeitern.\n\n"},
		{"fr", "PARIS, 2 mars 2025 – Le ministre Jean-Noël Barrot a rencontré vendredi à Genève le représentant de la Croix-Rouge pour parler des réfugiés. Selon la mairie de Lyon, le nouveau pont sur le Rhône ouvrira lundi.\n\n"},
		{"zh", "新华社北京3月2日电 外交部长王毅2日在北京会见了俄罗斯国防部长绍伊古。双方就地区安全问题交换了意见。上海合作组织的成员国代表下周将在上海举行会议。\n\n"},
		{"ru", "МОСКВА, 2 марта 2025 года. Министр обороны России Сергей Шойгу встретился в Пекине с министром иностранных дел Китая. Стороны обсудили вопросы региональной безопасности.\n\n"},
		{"ar", "بكين، 2 مارس 2025 - التقى وزير الدفاع الروسي نظيره الصيني في بكين يوم الجمعة وبحث الجانبان قضايا الأمن الإقليمي.\n\n"},
	} {
		b.Run(c.lang, func(b *testing.B) {
			text := string([]rune(strings.Repeat(c.text, 50000/len([]rune(c.text))+1))[:50000])
			raw, _ := assets.Files.ReadFile("models/" + c.lang + ".model")
			m := Shipped(c.lang)
			Article(text, "2025-03-02", nil)
			var load, rules, learned time.Duration
			for b.Loop() {
				start := time.Now()
				if raw != nil {
					if _, err := DecodeShipped(raw); err != nil {
						b.Fatal(err)
					}
				}
				load += time.Since(start)
				runtime.GC() // the loaded copy's garbage is not the next phase's cost
				start = time.Now()
				Article(text, "2025-03-02", nil)
				rules += time.Since(start)
				start = time.Now()
				ArticleLearned(text, "2025-03-02", nil, m)
				learned += time.Since(start)
			}
			b.ReportMetric(float64(load.Milliseconds())/float64(b.N), "ms-to-load-model")
			b.ReportMetric(float64(rules.Milliseconds())/float64(b.N), "ms-rules-50k")
			b.ReportMetric(float64(learned.Milliseconds())/float64(b.N), "ms-model-50k")
			b.ReportMetric(float64(learned)/float64(rules), "ratio-to-rules")
			b.ReportMetric(float64(len(raw))/1024, "KB-model")
		})
	}
}

// A long article's sentences, read on every core, give what reading them
// one after another gives.
func TestLongArticleReadOnEveryCore(t *testing.T) {
	m := Shipped("zh")
	if m == nil {
		t.Skip("no shipped Chinese model")
	}
	text := strings.Repeat("新华社北京3月2日电 外交部长王毅2日在北京会见了俄罗斯国防部长绍伊古。双方就地区安全问题交换了意见。\n\n", 200)
	d := newDocument(text)
	rules := articleSuggestions(d, "2025-03-02", nil)
	if runs := runsOfSentences(d.sentences); len(runs) < 2 && runtime.GOMAXPROCS(0) > 1 {
		t.Fatalf("%d sentences read in %d run", len(d.sentences), len(runs))
	}
	found, named := m.modelEntities(d, rules)
	r := modelReading{m: m, d: d, ruleTags: tagsOf(d, rules), pieces: piecesOf(d), firsts: firstWords(m.names)}
	oneFound, oneNamed := r.sentences(d.sentences)
	if !reflect.DeepEqual(found, oneFound) || !reflect.DeepEqual(named, oneNamed) || len(found) == 0 {
		t.Fatalf("on every core: %d found, %d named; one after another: %d, %d", len(found), len(named), len(oneFound), len(oneNamed))
	}
}
