package search

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/folder"

	"dossier/data/storetest"
)

const talks = "Envoys met in Geneva on Monday.\n\nBoth sides agreed to hold a new round of strategic security talks at an appropriate time, officials said."

// storages runs a test on a plain index and on an encrypted one.
func storages(t *testing.T, test func(t *testing.T, key []byte)) {
	t.Run("plain", func(t *testing.T) { test(t, nil) })
	t.Run("encrypted", func(t *testing.T) { test(t, []byte("0123456789abcdef0123456789abcdef")) })
}

func fixture(t *testing.T, key []byte) (data.Store, *Index, string, string) {
	t.Helper()
	dir := storetest.TempDir(t)
	st, err := badgerstore.Open(filepath.Join(dir, "db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	res, _ := st.AddArticles(context.Background(), []*data.Article{
		{Title: "Geneva talks", Text: talks, Hash: "1"},
		{Title: "Other news", Text: "Security forces closed the road. Talks about strategy were postponed.", Hash: "2"},
	})
	a := data.Actor{Name: "Sergei Shoigu", Aliases: []string{"Shoigu"}, Kind: data.KindPerson}
	st.PutActor(context.Background(), &a)
	ix, err := Open(Folder(filepath.Join(dir, "db")), key)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if rebuilt, err := ix.Sync(st, nil); err != nil || !rebuilt {
		t.Fatalf("first sync: %v %v", rebuilt, err)
	}
	return st, ix, res[0].ID, res[1].ID
}

func TestPhraseFindsItsPassage(t *testing.T) { storages(t, testPhraseFindsItsPassage) }

func testPhraseFindsItsPassage(t *testing.T, key []byte) {
	_, ix, geneva, _ := fixture(t, key)
	hits, err := ix.Search(`"strategic security talks"`, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].ID != geneva || !strings.Contains(hits[0].Passage, "new round of strategic security talks") {
		t.Fatalf("hits %+v", hits)
	}
	if got := string([]rune(talks)[hits[0].Start:hits[0].End]); got != "strategic security talks" {
		t.Fatalf("match offsets point at %q", got)
	}
	if hits, _ := ix.Search("strateg* talks", 10); len(hits) != 2 {
		t.Fatalf("prefix and word: %d hits", len(hits))
	}
	if hits, _ := ix.Search("shoigu", 10); len(hits) != 1 || hits[0].Kind != "actor" {
		t.Fatalf("actor by alias: %+v", hits)
	}
}

func TestDeletedArticleLeavesTheResults(t *testing.T) {
	storages(t, testDeletedArticleLeavesTheResults)
}

func testDeletedArticleLeavesTheResults(t *testing.T, key []byte) {
	st, ix, geneva, _ := fixture(t, key)
	st.DeleteArticle(context.Background(), geneva, 1)
	ix.Delete(geneva)
	m, _ := markOf(st)
	ix.markInStep(m)
	if hits, _ := ix.Search(`"strategic security talks"`, 10); len(hits) != 0 {
		t.Fatalf("a deleted article is still found: %+v", hits)
	}
}

func TestMissingOrStaleIndexIsRebuilt(t *testing.T) { storages(t, testMissingOrStaleIndexIsRebuilt) }

func testMissingOrStaleIndexIsRebuilt(t *testing.T, key []byte) {
	st, ix, _, _ := fixture(t, key)
	path := Folder(st.(*badgerstore.Store).Path())
	ix.Close()
	folder.Remove(path)
	ix, _ = Open(path, key)
	defer ix.Close()
	if rebuilt, err := ix.Sync(st, nil); err != nil || !rebuilt {
		t.Fatalf("missing index: rebuilt %v, %v", rebuilt, err)
	}
	if hits, _ := ix.Search("geneva", 10); len(hits) != 1 {
		t.Fatalf("after rebuild: %+v", hits)
	}
	if rebuilt, _ := ix.Sync(st, nil); rebuilt {
		t.Fatal("an index in step was rebuilt")
	}
	st.AddArticles(context.Background(), []*data.Article{{Title: "Late", Text: "Written while the index was closed: Lisbon.", Hash: "3"}})
	restoreInto(t, st)
	if rebuilt, _ := ix.Sync(st, nil); !rebuilt {
		t.Fatal("an index of another log (a restore) was not rebuilt")
	}
	if hits, _ := ix.Search("lisbon", 10); len(hits) != 1 {
		t.Fatal("the rebuilt index lacks the new article")
	}
}

// restoreInto replaces what st holds with a backup of itself: the same
// records, the log of another epoch.
func restoreInto(t *testing.T, st data.Store) {
	t.Helper()
	var backup bytes.Buffer
	bs := st.(*badgerstore.Store)
	if err := bs.Backup(&backup); err != nil {
		t.Fatal(err)
	}
	if err := bs.Restore(context.Background(), &backup, true); err != nil {
		t.Fatal(err)
	}
}

// An index closed while the database changed catches up when opened
// again: it indexes what was added and drops what was deleted, without
// indexing everything anew.
func TestStaleIndexCatchesUp(t *testing.T) { storages(t, testStaleIndexCatchesUp) }

func testStaleIndexCatchesUp(t *testing.T, key []byte) {
	st, ix, geneva, _ := fixture(t, key)
	path := Folder(st.(*badgerstore.Store).Path())
	ix.Close()
	ctx := context.Background()
	st.AddArticles(ctx, []*data.Article{{Title: "Late", Text: "Written while the index was closed: Lisbon.", Hash: "3"}})
	st.DeleteArticle(ctx, geneva, 1)
	shoigu, _ := st.ActorsNamed("Shoigu")
	a := shoigu[0]
	a.Aliases = []string{"Shoigu", "Minister of Defence Kuzhugetovich"}
	if err := st.PutActor(ctx, &a); err != nil {
		t.Fatal(err)
	}
	ix, _ = Open(path, key)
	defer ix.Close()
	var heard [2]int
	rebuilt, err := ix.Sync(st, func(done, total int) { heard = [2]int{done, total} })
	if err != nil || rebuilt {
		t.Fatalf("a stale index was rebuilt (%v), not caught up", err)
	}
	if heard != [2]int{3, 3} {
		t.Fatalf("progress ended at %v, want 3 of 3 changed records", heard)
	}
	if hits, _ := ix.Search("lisbon", 10); len(hits) != 1 {
		t.Fatalf("the article added while closed: %+v", hits)
	}
	if hits, _ := ix.Search(`"strategic security talks"`, 10); len(hits) != 0 {
		t.Fatalf("the article deleted while closed is still found: %+v", hits)
	}
	if hits, _ := ix.Search("kuzhugetovich", 10); len(hits) != 1 || hits[0].Kind != "actor" {
		t.Fatalf("the alias added while closed: %+v", hits)
	}
	if rebuilt, _ := ix.Sync(st, nil); rebuilt {
		t.Fatal("an index caught up was rebuilt")
	}
}

// An index reopened with its key needs no rebuild; opened with another key
// (the passphrase changed) it is replaced, never read.
func TestSealedIndexReopens(t *testing.T) {
	key, other := []byte("0123456789abcdef0123456789abcdef"), []byte("fedcba9876543210fedcba9876543210")
	st, ix, _, _ := fixture(t, key)
	path := Folder(st.(*badgerstore.Store).Path())
	ix.Close()
	ix, err := Open(path, key)
	if err != nil {
		t.Fatal(err)
	}
	if rebuilt, err := ix.Sync(st, nil); err != nil || rebuilt {
		t.Fatalf("reopened with its key: rebuilt %v, %v", rebuilt, err)
	}
	ix.Close()
	if ix, err = Open(path, other); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if hits, _ := ix.Search("geneva", 10); len(hits) != 0 {
		t.Fatal("an index sealed with another key was read")
	}
	if rebuilt, err := ix.Sync(st, nil); err != nil || !rebuilt {
		t.Fatalf("with another key: rebuilt %v, %v", rebuilt, err)
	}
}

// A long article is indexed as passages: a word far into it is found in
// that article, once, at its place in the whole text; a shorter text put
// over it drops the passages it no longer has, and deleting it drops them
// all.
func TestLongArticleIsIndexedAsPassages(t *testing.T) {
	st, ix, _, _ := fixture(t, nil)
	text := "Долгий доклад.\n\n" + strings.Repeat("Переговоры продолжались весь день. ", 12000) + "Finally the envoys signed the Zanzibar accord. " + strings.Repeat("Talks went on. ", 100)
	res, err := st.AddArticles(context.Background(), []*data.Article{{Title: "Long report", Text: text, Hash: "long"}})
	if err != nil {
		t.Fatal(err)
	}
	long, _ := st.Article(res[0].ID)
	if err := ix.Put(long); err != nil {
		t.Fatal(err)
	}
	if n := len(ix.passagesOf(long.ID)); n < 5 {
		t.Fatalf("%d passages beyond the first", n)
	}
	hits, err := ix.Search("zanzibar", 10)
	if err != nil || len(hits) != 1 || hits[0].ID != long.ID || !strings.Contains(hits[0].Passage, "Zanzibar accord") {
		t.Fatalf("hits %+v, %v", hits, err)
	}
	if got := string([]rune(text)[hits[0].Start:hits[0].End]); got != "Zanzibar" {
		t.Fatalf("the hit at %d-%d reads %q", hits[0].Start, hits[0].End, got)
	}
	if hits, _ := ix.Search("переговоры", 10); len(hits) != 1 {
		t.Fatalf("a word in every passage: %d hits, want the article once", len(hits))
	}
	short := *long
	short.Text = "Долгий доклад, shortened."
	if err := ix.Put(&short); err != nil {
		t.Fatal(err)
	}
	if hits, _ := ix.Search("zanzibar", 10); len(hits) != 0 || len(ix.passagesOf(long.ID)) != 0 {
		t.Fatalf("after a shorter text: %+v", hits)
	}
	ix.Put(long)
	if err := ix.Delete(long.ID); err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"переговоры", "zanzibar"} {
		if hits, _ := ix.Search(word, 10); len(hits) != 0 {
			t.Fatalf("%s after deleting: %+v", word, hits)
		}
	}
}

func TestCutPassages(t *testing.T) {
	text := strings.Repeat("слово ", 30000) + strings.Repeat("x", passageBytes+10)
	var joined strings.Builder
	cutPassages(text, func(p string, at int) {
		if len(p) > passageBytes || at != len([]rune(joined.String())) || !utf8.ValidString(p) {
			t.Fatalf("a passage of %d bytes at %d", len(p), at)
		}
		joined.WriteString(p)
	})
	if joined.String() != text {
		t.Fatal("the passages do not make the text")
	}
}
