package team

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"dossier/data"
)

// A bundle is one file: a first line naming the format, a JSON header, and
// the body: gzipped JSON lines, each a record's version (with the sides of
// its open conflicts) or an analyst. With a team key the body is sealed
// (AES-GCM, bound to the header); without, the file ends with the SHA-256
// of all before it. Either way a bundle that is damaged or altered is
// refused whole.
const bundleMagic = "DOSSIER-BUNDLE 1\n"

// bundleHeader describes a bundle.
type bundleHeader struct {
	Created time.Time `json:"created"`
	From    string    `json:"from"` // the analyst who wrote it
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
func MarkExported(st data.Store, res BundleResult) error {
	return st.SetMark(lastBundleMark, strconv.FormatUint(res.upTo, 10))
}

// ExportBundle writes the database's changes to w (sealed with key when
// given): every record changed since, with the sides of its open conflict
// and the articles' texts, and the analysts the team knows.
func ExportBundle(st data.Store, w io.Writer, since Since, key *Key) (BundleResult, error) {
	var body bytes.Buffer
	zw := gzip.NewWriter(&body)
	enc := json.NewEncoder(zw)
	after, day, err := since.start(st)
	if err != nil {
		return BundleResult{}, err
	}
	conflicts, err := conflictSides(st)
	if err != nil {
		return BundleResult{}, err
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
	if err != nil {
		return BundleResult{}, err
	}
	analysts, err := st.Analysts()
	if err != nil {
		return BundleResult{}, err
	}
	for i := range analysts {
		if err := enc.Encode(line{Analyst: &analysts[i]}); err != nil {
			return BundleResult{}, err
		}
	}
	if err := zw.Close(); err != nil {
		return BundleResult{}, err
	}
	if err := writeBundle(w, bundleHeader{Created: time.Now().UTC(), From: st.Analyst().ID, Records: n}, body.Bytes(), key); err != nil {
		return BundleResult{}, err
	}
	return BundleResult{Records: n, upTo: last}, nil
}

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

// writeBundle writes the magic line, the header and the body, sealed with
// key (the header is the seal's label), or followed by a checksum.
func writeBundle(w io.Writer, h bundleHeader, body []byte, key *Key) error {
	if key != nil {
		kdf := key.KDF()
		h.Team = &kdf
	}
	head, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if key != nil {
		body = key.Seal(body, head)
	}
	sum := sha256.New()
	out := io.MultiWriter(w, sum)
	for _, b := range [][]byte{[]byte(bundleMagic), head, []byte("\n"), body} {
		if _, err := out.Write(b); err != nil {
			return err
		}
	}
	if key == nil {
		_, err = w.Write(sum.Sum(nil))
	}
	return err
}

// Bundle is a bundle read whole and checked: its header and what it holds.
type Bundle struct {
	From     string
	Created  time.Time
	Versions []data.Version
	Analysts []data.Analyst
}

// maxBundle is the largest bundle Dossier reads (it is read whole first).
const maxBundle = 2 << 30

// ReadBundle reads and checks a whole bundle before anything is taken from
// it. passphrase opens a sealed one.
func ReadBundle(r io.Reader, passphrase []byte) (*Bundle, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxBundle))
	if err != nil {
		return nil, damaged(err.Error())
	}
	br := bufio.NewReader(bytes.NewReader(raw))
	magic, err := br.ReadString('\n')
	if err != nil || magic != bundleMagic {
		return nil, data.Errorf(data.EInvalid, "This file is not a Dossier bundle.")
	}
	head, err := br.ReadBytes('\n')
	var h bundleHeader
	if err != nil || json.Unmarshal(head, &h) != nil {
		return nil, damaged("its header cannot be read")
	}
	body, _ := io.ReadAll(br)
	if h.Team == nil { // the checksum of all before it ends the file
		if len(body) < sha256.Size {
			return nil, damaged("it is cut short")
		}
		sum := sha256.Sum256(raw[:len(raw)-sha256.Size])
		if !bytes.Equal(sum[:], raw[len(raw)-sha256.Size:]) {
			return nil, damaged("its content does not match its checksum")
		}
		body = body[:len(body)-sha256.Size]
	}
	if body, err = openBody(h, bytes.TrimSuffix(head, []byte("\n")), body, passphrase); err != nil {
		return nil, err
	}
	b := &Bundle{From: h.From, Created: h.Created}
	return b, b.parse(body)
}

// openBody decrypts a sealed bundle's body.
func openBody(h bundleHeader, head, body, passphrase []byte) ([]byte, error) {
	if h.Team == nil {
		return body, nil
	}
	if len(passphrase) == 0 {
		return nil, data.Errorf(data.ENeedPassphrase, "This bundle is sealed with a team passphrase: give it with --team-passphrase-file FILE.")
	}
	key, err := Unlock(*h.Team, passphrase)
	if err != nil {
		return nil, err
	}
	plain, err := key.Open(body, head)
	if err != nil {
		return nil, damaged("its seal does not open")
	}
	return plain, nil
}

func damaged(why string) error {
	return data.Errorf(data.EInvalid, "The bundle is damaged or was altered (%s); nothing was imported.", why)
}

func (b *Bundle) parse(body []byte) error {
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return damaged(err.Error())
	}
	dec := json.NewDecoder(zr)
	for {
		var l line
		err := dec.Decode(&l)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return damaged(err.Error())
		}
		switch {
		case l.Version != nil:
			b.Versions = append(b.Versions, *l.Version)
		case l.Analyst != nil:
			b.Analysts = append(b.Analysts, *l.Analyst)
		}
	}
}

// ImportBundle merges a bundle read with ReadBundle (or, with dryRun, says
// what merging it would do).
func ImportBundle(ctx context.Context, st data.Store, b *Bundle, dryRun bool) (data.MergeReport, error) {
	if dryRun {
		return st.Preview(b.Versions)
	}
	for _, a := range b.Analysts {
		if err := st.KnowAnalyst(a); err != nil {
			return data.MergeReport{}, err
		}
	}
	return st.Merge(data.WithOrigin(ctx, data.OriginBundle), b.Versions, nil)
}

// Line is a merge's one-line summary.
func Line(m data.MergeReport) string {
	return fmt.Sprintf("added %d, updated %d, conflicts %d, unchanged %d", m.Added, m.Updated, m.Conflicts, m.Unchanged)
}
