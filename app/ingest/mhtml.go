package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"

	"dossier/data"
)

// maxPagePart is the largest HTML part of a saved page read; pictures and
// other parts are passed over without being held in memory.
const maxPagePart = 64 << 20

var errNotMHTML = errors.New("not a valid saved web page (MHTML): no MIME headers found")

// parseMHTML reads a browser's "web page, single file" (.mht, .mhtml): the
// first HTML part goes through the same reader view as an .html file, in
// the charset its part declares; the page's saved address is its URL when
// the page names none itself.
func parseMHTML(raw []byte) (*data.Article, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return nil, errNotMHTML
	}
	a, location, err := pagePart(msg.Header, msg.Body, 0)
	if err != nil {
		return nil, err
	}
	if a.URL == "" {
		a.URL = webAddress(location, msg.Header.Get("Snapshot-Content-Location"))
	}
	if a.Title == "" {
		dec := mime.WordDecoder{}
		if s, err := dec.DecodeHeader(msg.Header.Get("Subject")); err == nil {
			a.Title = strings.TrimSpace(s)
		}
	}
	return a, nil
}

// pagePart finds the HTML part of a (possibly multipart) message and reads
// it; location is the part's Content-Location.
func pagePart(h header, body io.Reader, depth int) (*data.Article, string, error) {
	if depth > 10 {
		return nil, "", errors.New("the saved page nests too many parts")
	}
	mediaType, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		return nil, "", errNotMHTML
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return nil, "", errors.New("the saved page has no HTML part")
			}
			if a, loc, err := pagePart(p.Header, p, depth+1); err == nil || !errors.Is(err, errNotPage) {
				return a, loc, err
			}
		}
	}
	if mediaType != "text/html" && mediaType != "application/xhtml+xml" {
		return nil, "", errNotPage
	}
	content, err := io.ReadAll(io.LimitReader(transferDecoder(h.Get("Content-Transfer-Encoding"), body), maxPagePart+1))
	if err != nil {
		return nil, "", errors.New("the page part of the saved page cannot be decoded")
	}
	if len(content) > maxPagePart {
		return nil, "", fmt.Errorf("the page part is larger than %s: Dossier reads saved pages up to that", humanSize(maxPagePart))
	}
	a, err := readHTML(content, params["charset"])
	return a, h.Get("Content-Location"), err
}

// errNotPage marks a part that is not the page (a picture, a style sheet).
var errNotPage = errors.New("not the page")

// webAddress is the first of the addresses that is a web address.
func webAddress(candidates ...string) string {
	for _, c := range candidates {
		if strings.HasPrefix(c, "http://") || strings.HasPrefix(c, "https://") {
			return c
		}
	}
	return ""
}
