package data

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
)

// Every analyst signs the versions they write (ed25519): a version carries
// its author's public key and signature, and an analyst's id is derived
// from their public key (AnalystIDFor), so a receiving database checks who
// wrote a version without having to trust anyone to tell it their keys. A
// version whose signature does not verify, or whose key is not its
// author's, is refused, whoever passes it on.

// AnalystIDFor is the id of the analyst whose signing key is pub: the
// analyst prefix and 21 characters of its SHA-256.
func AnalystIDFor(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return AnalystPrefix + "-" + idEncoding.EncodeToString(sum[:13])
}

// signedVersion is what a signature covers: everything a version says,
// its body in canonical form (by its hash).
type signedVersion struct {
	Format  string     `json:"format"`
	Record  RecordKind `json:"record"`
	ID      string     `json:"id"`
	Rev     Rev        `json:"rev"`
	Lineage Lineage    `json:"lineage"`
	Deleted bool       `json:"deleted"`
	Body    []byte     `json:"body"` // SHA-256 of CanonicalBody
}

// message is the bytes a version's signature covers, given its body in
// canonical form.
func (v Version) message(canonical []byte) ([]byte, error) {
	s := signedVersion{Format: "dossier version 1", Record: v.Record, ID: v.ID, Rev: v.Rev, Lineage: v.Lineage, Deleted: v.Deleted}
	if !v.Deleted {
		sum := sha256.Sum256(canonical)
		s.Body = sum[:]
	}
	return json.Marshal(s)
}

// Decoded is a version's body read as its record (one of Event, Actor,
// Article), with the id, version and author the version names, and the
// record in canonical form: as its type writes it, the same bytes on every
// database for the same record, whatever spacing or unknown fields came
// with it.
type Decoded struct {
	Event     *Event
	Actor     *Actor
	Article   *Article
	Canonical []byte
}

// Decode reads a version's body as its record (nothing for a deletion).
func (v Version) Decode() (Decoded, error) {
	var d Decoded
	if v.Deleted {
		return d, nil
	}
	var rec interface{ Rev() *Revision }
	switch v.Record {
	case RecordEvent:
		d.Event = &Event{}
		rec = d.Event
	case RecordActor:
		d.Actor = &Actor{}
		rec = d.Actor
	case RecordArticle:
		d.Article = &Article{}
		rec = d.Article
	default:
		return d, fmt.Errorf("unknown record kind %q", v.Record)
	}
	if err := json.Unmarshal(v.Body, rec); err != nil {
		return d, fmt.Errorf("its body is not a valid %s: %w", v.Record, err)
	}
	switch {
	case d.Event != nil:
		d.Event.ID = v.ID
	case d.Actor != nil:
		d.Actor.ID = v.ID
	default:
		d.Article.ID = v.ID
	}
	r := rec.Rev()
	r.Version, r.UpdatedBy = v.Rev.N, v.Rev.By
	var err error
	d.Canonical, err = json.Marshal(rec)
	return d, err
}

// Sign signs v as its author, whose private key is priv; v's rev must be
// by that analyst.
func (v *Version) Sign(priv ed25519.PrivateKey) error {
	pub := priv.Public().(ed25519.PublicKey)
	if AnalystIDFor(pub) != v.Rev.By {
		return fmt.Errorf("version %s of %s is by %s, not by the key's analyst", v.ID, v.Rev.By, AnalystIDFor(pub))
	}
	d, err := v.Decode()
	if err != nil {
		return err
	}
	msg, err := v.message(d.Canonical)
	if err != nil {
		return err
	}
	v.Key, v.Sig = pub, ed25519.Sign(priv, msg)
	return nil
}

// Errors of Verify.
var (
	ErrUnsigned     = errors.New("it carries no signature (written by a Dossier that did not sign changes, or stripped on the way)")
	ErrNotTheAuthor = errors.New("it is signed with a key that is not its author's")
	ErrBadSignature = errors.New("its signature does not match its content (changed on the way, or forged)")
)

// Verify checks that v is signed by the analyst its rev names and that
// nothing it says changed since.
func (v Version) Verify() error {
	d, err := v.Decode()
	if err != nil {
		return err
	}
	return v.VerifyDecoded(d)
}

// VerifyDecoded is Verify for a version already decoded (d is v.Decode()).
func (v Version) VerifyDecoded(d Decoded) error {
	switch {
	case len(v.Key) == 0 && len(v.Sig) == 0:
		return ErrUnsigned
	case len(v.Key) != ed25519.PublicKeySize || AnalystIDFor(v.Key) != v.Rev.By:
		return ErrNotTheAuthor
	}
	msg, err := v.message(d.Canonical)
	if err != nil {
		return err
	}
	if !ed25519.Verify(v.Key, msg, v.Sig) {
		return ErrBadSignature
	}
	return nil
}

// analystMessage is what an analyst's signature on their name covers.
func (a Analyst) message() []byte {
	b, _ := json.Marshal(struct {
		Format, ID, Name string
	}{"dossier analyst 1", a.ID, a.Name})
	return b
}

// Sign signs the analyst's name with their key (so that nobody else can
// rename them for the team).
func (a *Analyst) Sign(priv ed25519.PrivateKey) {
	a.Key = priv.Public().(ed25519.PublicKey)
	a.Sig = ed25519.Sign(priv, a.message())
}

// Verify checks that the analyst's name is signed by the key their id
// derives from.
func (a Analyst) Verify() error {
	switch {
	case len(a.Key) == 0 && len(a.Sig) == 0:
		return ErrUnsigned
	case len(a.Key) != ed25519.PublicKeySize || AnalystIDFor(a.Key) != a.ID:
		return ErrNotTheAuthor
	case !ed25519.Verify(a.Key, a.message(), a.Sig):
		return ErrBadSignature
	}
	return nil
}
