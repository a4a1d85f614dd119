package search

import (
	"context"
	"path/filepath"
	"testing"

	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// TestSearchInTheArticlesLanguage: each article is read with its
// language's rules, so a query in another form of a word finds it — a
// Russian case ending, an Arabic article prefix, a French or German
// plural — and Chinese is found by words inside an unbroken line.
func TestSearchInTheArticlesLanguage(t *testing.T) {
	dir := storetest.TempDir(t)
	st, err := badgerstore.Open(filepath.Join(dir, "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	texts := map[string]string{
		"ru": "Делегации говорили о переговорах в старом здании таможни почти четыре часа.",
		"ar": "التقى وزير الخارجية بالوفد في القاهرة وناقش الطرفان المحادثات المقبلة حول الأمن الإقليمي.",
		"zh": "外交部长周五在北京会见了代表团，双方讨论了地区安全问题。",
		"fr": "Les deux délégations ont repris les négociations à Genève après une longue pause.",
		"de": "Die beiden Delegationen nahmen die Verhandlungen in Genf nach einer langen Pause wieder auf.",
	}
	var arts []*data.Article
	for lang, text := range texts {
		arts = append(arts, &data.Article{Title: lang, Text: text, Hash: lang})
	}
	if _, err := st.AddArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(Folder(filepath.Join(dir, "db")), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Sync(st, nil); err != nil {
		t.Fatal(err)
	}
	for q, lang := range map[string]string{
		"переговоры":  "ru", // переговорах
		"محادثات":     "ar", // المحادثات
		"代表团":         "zh",
		"négociation": "fr", // négociations
		"Verhandlung": "de", // Verhandlungen
		`"北京会见"`:      "zh",
	} {
		hits, err := ix.Search(q, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 1 || hits[0].Title != lang {
			t.Errorf("%s finds %v, want the %s article", q, hits, lang)
			continue
		}
		if hits[0].Start < 0 {
			t.Errorf("%s: no passage in the text", q)
		}
	}
}
