package views

import "testing"

// The header shows the language the article is read in; choosing another
// keeps it with the article (and undo puts the one before back).
func TestArticleLanguageIsShownAndChosen(t *testing.T) {
	f := newFixture(t)
	f.openArticle("Officials in Geneva said the talks on the border would resume next week.")
	if got := f.wb.code.header.lang.Selected; got != "English" {
		t.Fatalf("the header says %q, want English", got)
	}
	before, _ := f.st.Article(f.wb.code.article.ID)
	f.wb.code.header.lang.SetSelected("German")
	f.settle()
	a, err := f.st.Article(f.wb.code.article.ID)
	if err != nil || a.Language != "de" {
		t.Fatalf("the article keeps %q (%v)", a.Language, err)
	}
	if f.wb.code.header.lang.Selected != "German" {
		t.Errorf("the header says %q after choosing German", f.wb.code.header.lang.Selected)
	}
	if _, err := f.wb.sess.Undo(); err != nil {
		t.Fatal(err)
	}
	f.settle()
	if a, _ := f.st.Article(f.wb.code.article.ID); a.Language != before.Language {
		t.Errorf("after undo the article keeps %q, not %q", a.Language, before.Language)
	}
}
