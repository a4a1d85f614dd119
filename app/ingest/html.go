package ingest

import (
	"errors"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"dossier/data"
)

// parseHTML extracts the main text of a web page as a reader view does
// (go-readability, a port of Firefox's Readability), with title, byline,
// site, language, published date and the page's own address.
func parseHTML(raw []byte) (*data.Article, error) { return readHTML(raw, "") }

// readHTML is parseHTML for a page whose charset its carrier (an e-mail or
// MHTML part) may have declared; the page's own declaration is next.
func readHTML(raw []byte, charset string) (*data.Article, error) {
	if looksBinary(raw) {
		return nil, errors.New("binary data, not a web page")
	}
	if charset == "" {
		charset = declaredCharset(raw)
	}
	decoded := decodeAs(raw, charset)
	doc, err := html.Parse(strings.NewReader(decoded))
	if err != nil { // nested too deep for a tree, say: read its text as a stream
		return plainHTML(decoded)
	}
	url := canonicalURL(doc)
	page, err := readability.FromDocument(doc, nil)
	if err != nil || page.Node == nil {
		return nil, errors.New("no article text found in the page")
	}
	var text strings.Builder
	if err := page.RenderText(&text); err != nil {
		return nil, errors.New("no article text found in the page")
	}
	a := &data.Article{Title: withoutSiteName(page.Title(), page.SiteName()), Text: text.String(), Byline: page.Byline(),
		Source: page.SiteName(), Language: page.Language(), URL: url}
	if t, err := page.PublishedTime(); err == nil && !t.IsZero() {
		a.Published = t.Format(data.DateLayout)
		a.PublishedRaw = t.Format("2006-01-02T15:04:05Z07:00")
	}
	return a, nil
}

// canonicalURL is the page's <link rel="canonical"> or og:url, when it is an
// http(s) address.
func canonicalURL(doc *html.Node) string {
	var found string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode && (n.Data == "link" || n.Data == "meta") {
			at := attrs(n)
			switch {
			case n.Data == "link" && strings.EqualFold(at["rel"], "canonical"):
				found = at["href"]
			case at["property"] == "og:url":
				found = at["content"]
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if strings.HasPrefix(found, "http://") || strings.HasPrefix(found, "https://") {
		return found
	}
	return ""
}

func attrs(n *html.Node) map[string]string {
	m := map[string]string{}
	for _, a := range n.Attr {
		m[strings.ToLower(a.Key)] = a.Val
	}
	return m
}

// withoutSiteName drops a trailing " | Site" or " - Site" from a page title.
func withoutSiteName(title, site string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		if site != "" && strings.HasSuffix(title, sep+site) {
			return strings.TrimSuffix(title, sep+site)
		}
	}
	return title
}

// plainHTML reads a page's visible text with the streaming tokenizer, for
// pages no tree can hold; the title comes from <title>.
func plainHTML(page string) (*data.Article, error) {
	z := html.NewTokenizer(strings.NewReader(page))
	var text, title strings.Builder
	skip, inTitle := 0, false
	for {
		switch z.Next() {
		case html.ErrorToken:
			if text.Len() == 0 {
				return nil, errors.New("no article text found in the page")
			}
			return &data.Article{Title: strings.TrimSpace(title.String()), Text: text.String()}, nil
		case html.StartTagToken:
			switch name, _ := z.TagName(); string(name) {
			case "script", "style", "noscript":
				skip++
			case "title":
				inTitle = true
			case "p", "div", "br", "li", "h1", "h2", "h3", "tr":
				text.WriteString("\n")
			}
		case html.EndTagToken:
			switch name, _ := z.TagName(); string(name) {
			case "script", "style", "noscript":
				skip = max(0, skip-1)
			case "title":
				inTitle = false
			}
		case html.TextToken:
			t := strings.TrimSpace(string(z.Text()))
			switch {
			case t == "" || skip > 0:
			case inTitle:
				title.WriteString(t)
			default:
				text.WriteString(t + " ")
			}
		}
	}
}
