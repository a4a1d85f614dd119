package data

import "time"

// Coding status of an article.
const (
	StatusNew        = "new"
	StatusInProgress = "in progress"
	StatusDone       = "done"
)

// MaxTextBytes is the longest article text Dossier keeps (in bytes of
// UTF-8: some 2,000 pages), so that one article, as it is stored, indexed
// and carried to colleagues, never needs more memory than a laptop has to
// spare.
const MaxTextBytes = 12 << 20

// Article is one imported text. Its Text is stored apart from the header so
// that lists never read whole articles.
type Article struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Text   string `json:"text,omitempty"`
	Source string `json:"source,omitempty"`
	// Reliability is the source's reliability, A–F (see Grade), "" when
	// not graded; a new article from a graded source gets its grade.
	Reliability  string    `json:"reliability,omitempty"`
	URL          string    `json:"url,omitempty"`
	Byline       string    `json:"byline,omitempty"`
	Published    string    `json:"published"`               // YYYY-MM-DD or ""
	PublishedRaw string    `json:"published_raw,omitempty"` // as written
	Language     string    `json:"language,omitempty"`
	File         string    `json:"file"`
	Hash         string    `json:"hash"`
	Length       int       `json:"length"` // in code points
	ImportedAt   time.Time `json:"imported_at"`
	Status       string    `json:"status"`
	Notes        string    `json:"notes,omitempty"`
	Tags         []string  `json:"tags,omitempty"`
	Revision               // of the header
	// Rejected holds the suggestions the analyst turned down for this
	// article ("kind start end"), so that they are not offered again.
	Rejected []string `json:"rejected,omitempty"`
	// PageStarts says where each page of a PDF begins in Text (in code
	// points, the first at 0), so that evidence can give its page; it is
	// empty for articles without pages.
	PageStarts []int `json:"page_starts,omitempty"`
}

// Page is the page (from 1) of a PDF article that the code point at offset
// stands on, or 0 when the article has no pages.
func (a Article) Page(offset int) int {
	page := 0
	for i, start := range a.PageStarts {
		if offset < start {
			break
		}
		page = i + 1
	}
	return page
}

// Header returns a copy of the article without its text.
func (a Article) Header() Article {
	a.Text = ""
	return a
}
