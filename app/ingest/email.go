package ingest

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"

	"golang.org/x/net/html/charset"

	"dossier/data"
)

// parseEmail reads a saved e-mail (.eml): the subject is the title, the
// sender the byline, the Date header the published date, and the body the
// first text/plain part (or, failing that, the main text of the HTML part).
func parseEmail(raw []byte) (*data.Article, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return nil, errors.New("not a valid e-mail message (no headers found)")
	}
	dec := mime.WordDecoder{CharsetReader: charset.NewReaderLabel}
	subject, err := dec.DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		subject = msg.Header.Get("Subject")
	}
	from, _ := dec.DecodeHeader(msg.Header.Get("From"))
	a, err := emailBody(msg.Header, msg.Body, 0)
	if err != nil {
		return nil, err
	}
	a.Title, a.Byline = strings.TrimSpace(subject), from
	if t, err := msg.Header.Date(); err == nil {
		a.Published = t.Format(data.DateLayout)
		a.PublishedRaw = msg.Header.Get("Date")
	}
	return a, nil
}

// header is the part of a MIME header emailBody needs.
type header interface{ Get(string) string }

// emailBody finds the readable body of a (possibly multipart) message part.
func emailBody(h header, body io.Reader, depth int) (*data.Article, error) {
	if depth > 10 {
		return nil, errors.New("the message nests too many parts")
	}
	mediaType, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		mediaType, params = "text/plain", map[string]string{}
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		return multipartBody(multipart.NewReader(body, params["boundary"]), depth)
	}
	content, err := io.ReadAll(transferDecoder(h.Get("Content-Transfer-Encoding"), body))
	if err != nil {
		return nil, errors.New("the message body cannot be decoded")
	}
	switch mediaType {
	case "text/html":
		return readHTML(content, params["charset"])
	case "text/plain", "":
		return &data.Article{Text: decodeCharset(content, params["charset"])}, nil
	}
	return nil, errors.New("the message has no text part")
}

// multipartBody prefers a text/plain part and falls back to the first part
// that gives text.
func multipartBody(mr *multipart.Reader, depth int) (*data.Article, error) {
	var fallback *data.Article
	for {
		p, err := mr.NextRawPart()
		if err != nil {
			break
		}
		if strings.HasPrefix(p.Header.Get("Content-Disposition"), "attachment") {
			continue
		}
		a, err := emailBody(p.Header, p, depth+1)
		if err != nil {
			continue
		}
		if strings.HasPrefix(p.Header.Get("Content-Type"), "text/plain") {
			return a, nil
		}
		if fallback == nil {
			fallback = a
		}
	}
	if fallback == nil {
		return nil, errors.New("the message has no text part")
	}
	return fallback, nil
}

func transferDecoder(encoding string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, r) // ignores line breaks
	}
	return r
}

// decodeCharset converts a message part to a string (see decodeAs).
func decodeCharset(b []byte, label string) string { return decodeAs(b, label) }
