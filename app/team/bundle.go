package team

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"dossier/data"
	"dossier/data/sealed"
)

// A bundle is one file: a first line naming the format, a JSON header
// (who wrote it, with their public key, and the team key's parameters when
// it is sealed), the body, gzipped JSON lines (the analysts, then each
// record's version with the sides of its open conflicts), sealed in chunks
// with the team key when there is one, and last the writer's ed25519
// signature of everything before it. A bundle that is damaged or altered
// is refused whole; each version in it also carries its author's own
// signature, so that no one who passes a bundle on can change a
// colleague's work unnoticed.
const (
	bundleMagic   = "DOSSIER-BUNDLE 2\n"
	oldMagic      = "DOSSIER-BUNDLE 1\n"
	bundleSigning = "dossier bundle 2\n"
)

// Bounds on what a bundle may hold: one line (a version, an article with
// its text), and the whole body unpacked.
const (
	maxBundleLine = 20 << 20
	maxBundleBody = 64 << 30
	maxHeader     = 64 << 10
)

// bundleHeader describes a bundle.
type bundleHeader struct {
	Created time.Time `json:"created"`
	From    string    `json:"from"` // the analyst who wrote it
	Key     []byte    `json:"key"`  // their public key (From derives from it)
	Records int       `json:"records"`
	Team    *KDF      `json:"team,omitempty"`
}

// line is one line of a bundle's body.
type line struct {
	Version *data.Version `json:"version,omitempty"`
	Analyst *data.Analyst `json:"analyst,omitempty"`
}

// Since says which changes a bundle carries: all ("" or "all"), those since
// the last bundle written ("last"), or those made since a day (YYYY-MM-DD).
type Since string

// lastBundleMark is where the change log stood at the last bundle written.
const lastBundleMark = "bundle.last"

// BundleResult says what a bundle export wrote.
type BundleResult struct {
	Records int
	upTo    uint64 // where the change log stood
}

// MarkExported remembers where the bundle written stopped, for the next
// "--since last"; call it once the bundle is safely on disk.
func MarkExported(st marks, res BundleResult) error {
	return st.SetMark(lastBundleMark, strconv.FormatUint(res.upTo, 10))
}

// ExportBundle writes the database's changes to w (sealed with key when
// given), as it reads them: every record changed since, with the sides of
// its open conflict and the articles' texts, and the analysts the team
// knows; it signs the whole.
func ExportBundle(st Database, w io.Writer, since Since, key *Key) (BundleResult, error) {
	after, day, err := since.start(st)
	if err != nil {
		return BundleResult{}, err
	}
	conflicts, err := conflictSides(st)
	if err != nil {
		return BundleResult{}, err
	}
	me := st.Analyst()
	var res BundleResult
	err = writeBundle(w, bundleHeader{Created: time.Now().UTC(), From: me.ID, Key: me.Key}, key, st.Sign, func(body io.Writer) error {
		res, err = writeLines(st, json.NewEncoder(body), after, day, conflicts)
		return err
	})
	return res, err
}

// writeBundle writes a bundle: the header, the body lines (gzipped,
// sealed with key when given) and the writer's signature of it all.
func writeBundle(w io.Writer, h bundleHeader, key *Key, sign func([]byte) []byte, lines func(io.Writer) error) error {
	if key != nil {
		kdf := key.KDF()
		h.Team = &kdf
	}
	head, err := json.Marshal(h)
	if err != nil {
		return err
	}
	digest := sha256.New()
	out := io.MultiWriter(w, digest)
	if _, err := fmt.Fprintf(out, "%s%s\n", bundleMagic, head); err != nil {
		return err
	}
	body, closeBody := out, func() error { return nil }
	if key != nil {
		sw := sealed.NewWriter(key.aead, out, headLabel(head))
		body, closeBody = sw, sw.Close
	}
	zw := gzip.NewWriter(body)
	err = lines(zw)
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = closeBody()
	}
	if err != nil {
		return err
	}
	_, err = w.Write(sign(signedDigest(digest.Sum(nil))))
	return err
}

// writeLines writes the body's lines: the analysts, then every version
// changed since the start given.
func writeLines(st Database, enc *json.Encoder, after uint64, day string, conflicts map[string][]data.Version) (BundleResult, error) {
	analysts, err := st.Analysts()
	if err != nil {
		return BundleResult{}, err
	}
	for i := range analysts {
		if err := enc.Encode(line{Analyst: &analysts[i]}); err != nil {
			return BundleResult{}, err
		}
	}
	n := 0
	last, err := st.Changed(after, func(v data.Version) error {
		if day != "" && updatedOn(v) < day {
			return nil
		}
		n++
		for _, x := range append([]data.Version{v}, conflicts[v.ID]...) {
			if err := enc.Encode(line{Version: &x}); err != nil {
				return err
			}
		}
		return nil
	})
	return BundleResult{Records: n, upTo: last}, err
}

// headLabel binds a sealed body to its header.
func headLabel(head []byte) []byte {
	sum := sha256.Sum256(append([]byte(bundleMagic), head...))
	return sum[:]
}

// signedDigest is what the writer's signature covers.
func signedDigest(sum []byte) []byte { return append([]byte(bundleSigning), sum...) }

// start is where in the change log a bundle starts, and the first day of
// change it takes ("" for any).
func (s Since) start(st data.Replica) (uint64, string, error) {
	switch v := strings.TrimSpace(string(s)); {
	case v == "" || v == "all":
		return 0, "", nil
	case v == "last":
		m, err := st.Mark(lastBundleMark)
		if err != nil || m == "" {
			return 0, "", err
		}
		n, err := strconv.ParseUint(m, 10, 64)
		return n, "", err
	default:
		if _, _, _, err := data.ParsePartialDate(v); err != nil {
			return 0, "", data.Errorf(data.EInvalid, "--since takes last, all or a date (YYYY-MM-DD), not %q.", v)
		}
		return 0, v, nil
	}
}

// updatedOn is the day a version was written (a deletion: "").
func updatedOn(v data.Version) string {
	var r data.Revision
	if json.Unmarshal(v.Body, &r) != nil || r.Updated.IsZero() {
		return ""
	}
	return r.Updated.Format(data.DateLayout)
}

func conflictSides(st data.Replica) (map[string][]data.Version, error) {
	open, err := st.Conflicts()
	out := map[string][]data.Version{}
	for _, c := range open {
		out[c.ID] = c.Theirs
	}
	return out, err
}

// Bundle is a bundle checked whole (its writer's signature, its seal, every
// line readable within bounds) and kept in a private copy until it is
// imported from or closed.
type Bundle struct {
	From     string // the analyst who wrote it, as its signature proves
	Created  time.Time
	Sealed   bool
	Versions int // how many versions it carries
	Analysts []data.Analyst

	copy string // the private copy
	size int64  // of the copy, less the signature
	head []byte
	key  *Key
}

// ReadBundle reads and checks a whole bundle before anything is taken from
// it, in bounded memory. passphrase opens a sealed one. Close it when done.
func ReadBundle(r io.Reader, passphrase []byte) (*Bundle, error) {
	b, err := spool(r)
	if err != nil {
		return nil, err
	}
	if err := b.check(passphrase); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// spool copies a bundle into a private file, so that what is checked is
// what is imported.
func spool(r io.Reader) (*Bundle, error) {
	f, err := os.CreateTemp("", "dossier-bundle-*")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := &Bundle{copy: f.Name()}
	n, err := io.Copy(f, r)
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		b.Close()
		return nil, damaged(err.Error())
	}
	b.size = n - ed25519.SignatureSize
	return b, nil
}

// About says who signed a bundle and when, and whether it is sealed.
func About(names interface{ AnalystName(string) string }, b *Bundle) string {
	how := "signed"
	if b.Sealed {
		how = "sealed with the team passphrase and signed"
	}
	return fmt.Sprintf("a bundle of %d changes written %s, %s by %s (%s)", b.Versions, b.Created.Local().Format("2 Jan 2006 15:04"), how, nameOf(names, b), b.From)
}

// nameOf is the name the bundle gives its writer, when their signature on
// it verifies, else the name this database knows them by.
func nameOf(names interface{ AnalystName(string) string }, b *Bundle) string {
	for _, a := range b.Analysts {
		if a.ID == b.From && a.Verify() == nil && a.Name != "" {
			return strconv.Quote(a.Name)
		}
	}
	return strconv.Quote(names.AnalystName(b.From))
}

// Close removes the bundle's private copy.
func (b *Bundle) Close() error { return os.Remove(b.copy) }

// check reads the copy through: the header, the signature of everything
// before it, the seal, and every line.
func (b *Bundle) check(passphrase []byte) error {
	f, err := os.Open(b.copy)
	if err != nil {
		return err
	}
	defer f.Close()
	h, err := b.readHeader(bufio.NewReader(io.LimitReader(f, max(b.size, 0))))
	if err != nil {
		return err
	}
	if err := b.verify(f, h); err != nil {
		return err
	}
	if h.Team != nil {
		if len(passphrase) == 0 {
			return data.Errorf(data.ENeedPassphrase, "This bundle is sealed with a team passphrase: give it with --team-passphrase-file FILE.")
		}
		if b.key, err = Unlock(*h.Team, passphrase); err != nil {
			return err
		}
	}
	b.From, b.Created, b.Sealed = h.From, h.Created, h.Team != nil
	return b.each(func(l line) error {
		switch {
		case l.Version != nil:
			b.Versions++
		case l.Analyst != nil:
			b.Analysts = append(b.Analysts, *l.Analyst)
		}
		return nil
	})
}

// readHeader reads the magic line and the header.
func (b *Bundle) readHeader(br *bufio.Reader) (bundleHeader, error) {
	var h bundleHeader
	magic, err := br.ReadString('\n')
	switch {
	case magic == oldMagic:
		return h, data.Errorf(data.EInvalid, "This bundle was written by an older Dossier, which did not sign changes: ask its author to export it again with this version.")
	case err != nil || magic != bundleMagic:
		return h, data.Errorf(data.EInvalid, "This file is not a Dossier bundle.")
	}
	head, err := readLine(br, nil, maxHeader)
	if err != nil || json.Unmarshal(head, &h) != nil {
		return h, damaged("its header cannot be read")
	}
	b.head = bytes.Clone(head)
	return h, nil
}

// verify checks the writer's signature over everything before it.
func (b *Bundle) verify(f *os.File, h bundleHeader) error {
	if b.size <= 0 {
		return damaged("it is cut short")
	}
	if len(h.Key) != ed25519.PublicKeySize || data.AnalystIDFor(h.Key) != h.From {
		return damaged("it is not signed by the analyst it names")
	}
	digest := sha256.New()
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := io.CopyN(digest, f, b.size); err != nil {
		return damaged(err.Error())
	}
	sig := make([]byte, ed25519.SignatureSize)
	if _, err := io.ReadFull(f, sig); err != nil || !ed25519.Verify(h.Key, signedDigest(digest.Sum(nil)), sig) {
		return damaged("its signature does not match its content")
	}
	return nil
}

// each calls fn with every line of the body, read from the copy within
// bounds.
func (b *Bundle) each(fn func(line) error) error {
	f, err := os.Open(b.copy)
	if err != nil {
		return err
	}
	defer f.Close()
	start := int64(len(bundleMagic) + len(b.head) + 1)
	var body io.Reader = io.NewSectionReader(f, start, b.size-start)
	if b.key != nil {
		body = sealed.NewReader(b.key.aead, body, headLabel(b.head))
	}
	zr, err := gzip.NewReader(body)
	if err != nil {
		return bodyError(err)
	}
	br := bufio.NewReaderSize(io.LimitReader(zr, maxBundleBody), 1<<20)
	var buf []byte
	for {
		raw, err := readLine(br, buf[:0], maxBundleLine)
		buf = raw
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return bodyError(err)
		}
		var l line
		if err := json.Unmarshal(raw, &l); err != nil {
			return damaged(err.Error())
		}
		if err := fn(l); err != nil {
			return err
		}
	}
}

// errLineTooLong: a line over the bound.
var errLineTooLong = errors.New("a line is longer than any record Dossier writes")

// readLine reads one line of at most limit bytes (without its "\n") into
// out (whose room it reuses); a last line without one is a line too.
func readLine(br *bufio.Reader, out []byte, limit int) ([]byte, error) {
	for {
		part, err := br.ReadSlice('\n')
		if len(out)+len(part) > limit {
			return nil, errLineTooLong
		}
		out = append(out, part...)
		switch {
		case err == nil:
			return out[:len(out)-1], nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && len(out) > 0:
			return out, nil
		}
		return nil, err
	}
}

func bodyError(err error) error {
	if errors.Is(err, sealed.ErrBadSeal) {
		return damaged("its seal does not open")
	}
	return damaged(err.Error())
}

func damaged(why string) error {
	return data.Errorf(data.EInvalid, "The bundle is damaged or was altered (%s); nothing was imported.", why)
}

// ImportBundle merges a bundle read with ReadBundle (or, with dryRun, says
// what merging it would do), in three passes over it: articles and actors,
// then events, then deletions, so that an event finds what it cites. Each
// version is checked as it is merged: one that fails is set aside, and
// the rest go in.
func ImportBundle(ctx context.Context, st Database, b *Bundle, dryRun bool) (data.MergeReport, error) {
	var rep data.MergeReport
	if !dryRun {
		for _, a := range b.Analysts {
			st.KnowAnalyst(a) // a name that does not verify is not taken
		}
	}
	arriving := map[string]bool{} // what a dry run's earlier passes would have brought
	for _, pass := range [][]int{{0, 1}, {2}, {3, 4, 5}} {
		var chunk []data.Version
		size := 0
		flush := func() error {
			var part data.MergeReport
			var err error
			if dryRun {
				part, err = st.Preview(chunk, arriving)
			} else {
				part, err = st.Merge(data.WithOrigin(ctx, data.OriginBundle), chunk, nil)
			}
			rep.Add(part)
			clear(chunk) // what was merged is not held while the next is read
			chunk = chunk[:0]
			return err
		}
		err := b.each(func(l line) error {
			if l.Version == nil || !slices.Contains(pass, data.PushStage(l.Version.Record, l.Version.Deleted)) {
				return nil
			}
			if !l.Version.Deleted {
				arriving[l.Version.ID] = true
			}
			chunk = append(chunk, *l.Version)
			if size += len(l.Version.Body); len(chunk) < bundleChunk && size < bundleChunkBytes {
				return nil
			}
			size = 0
			return flush()
		})
		if err == nil && len(chunk) > 0 {
			err = flush()
		}
		if err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// bundleChunk and bundleChunkBytes bound what one merge takes from a
// bundle: so many versions, or so many bytes of them.
const (
	bundleChunk      = 200
	bundleChunkBytes = 8 << 20
)

// Line is a merge's one-line summary.
func Line(m data.MergeReport) string {
	s := fmt.Sprintf("added %d, updated %d, conflicts %d, unchanged %d", m.Added, m.Updated, m.Conflicts, m.Unchanged)
	if m.SetAside > 0 {
		s += fmt.Sprintf(", set aside %d", m.SetAside)
	}
	if m.Waiting > 0 {
		s += fmt.Sprintf(", waiting %d", m.Waiting)
	}
	return s
}
