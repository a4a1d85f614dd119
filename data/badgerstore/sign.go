package badgerstore

import (
	"errors"

	"dossier/data"
)

// Signatures: "sy/sg/<id>" holds the signature of a record's current state
// as it travels, with the lineage it was signed with: this analyst's own,
// made when they wrote it, or the author's, as it arrived. (A merge may
// teach a database more of a state's history than its author signed; that
// stays local, in "sy/ln/<id>".)
type signature struct {
	Rev     data.Rev     `json:"rev"`
	Lineage data.Lineage `json:"lineage,omitempty"`
	Key     []byte       `json:"key"`
	Sig     []byte       `json:"sig"`
}

func signatureKey(id string) string { return "sy/sg/" + id }

// mine notes a record whose state this transaction changed, to be signed
// when the state is this analyst's.
func (w *writer) mine(r data.Rev, id string) {
	if r.By == w.s.identity.analyst.ID {
		w.dirty = append(w.dirty, id)
	}
}

// signWritten signs, as the transaction ends, the state of every record
// this analyst wrote in it.
func (w *writer) signWritten() error {
	seen := map[string]bool{}
	for _, id := range w.dirty {
		if seen[id] {
			continue
		}
		seen[id] = true
		v, found, err := w.versionOf(id)
		if err != nil {
			return err
		}
		if !found || v.Rev.By != w.s.identity.analyst.ID {
			continue
		}
		if err := v.Sign(w.s.identity.signer); err != nil {
			return err
		}
		if err := w.keepSignature(v); err != nil {
			return err
		}
	}
	return nil
}

// keepSignature stores the signature a version carries.
func (w *writer) keepSignature(v data.Version) error {
	return setJSON(w.txn, signatureKey(v.ID), signature{Rev: v.Rev, Lineage: v.Lineage, Key: v.Key, Sig: v.Sig})
}

// travelling is a record's version as it leaves this database: with its
// signature and the lineage signed (unsigned when none is kept, as for a
// state written before Dossier signed changes).
func (w *writer) travelling(v data.Version) (data.Version, error) {
	var sg signature
	switch err := getJSON(w.txn, signatureKey(v.ID), &sg); {
	case errors.Is(err, errNotFound):
		return v, nil
	case err != nil:
		return v, err
	}
	if sg.Rev == v.Rev {
		v.Lineage, v.Key, v.Sig = sg.Lineage, sg.Key, sg.Sig
	}
	return v, nil
}

// signAgain writes an unsigned record state again as a new version by
// this analyst, the same content, descending from it.
func (w *writer) signAgain(id string) error {
	v, found, err := w.versionOf(id)
	if err != nil || !found {
		return err
	}
	if t, err := w.travelling(v); err != nil || len(t.Sig) > 0 {
		return err
	}
	again := data.Version{Record: v.Record, ID: id, Rev: data.Rev{N: v.Rev.N + 1, By: w.by}, Deleted: v.Deleted, Body: v.Body}
	return w.install(again, v.History(), true)
}
