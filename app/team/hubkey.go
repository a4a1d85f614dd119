package team

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"

	"github.com/nats-io/nats.go/jetstream"

	"dossier/data"
)

// A team's hub holds "meta.kdf", the team key's parameters when the team
// seals its changes, and "meta.epoch", a value made with the bucket: a
// database remembers both the first time it joins ("pinned"), so that a
// hub whose key parameters were changed or removed is refused rather than
// trusted, and a hub that lost what it held (a new epoch) is noticed and
// filled again.
const (
	kdfKey   = "meta.kdf"
	epochKey = "meta.epoch"
	// plainTeam is the pinned value of a team that does not seal.
	plainTeam = "none"
)

func (s *Syncer) kdfMark() string   { return "hub." + s.cfg.Team + ".kdf" }
func (s *Syncer) epochMark() string { return "hub." + s.cfg.Team + ".epoch" }

// openEpoch reads the hub's epoch (making one for a new or emptied hub)
// and reports whether the hub lost what it held since this database last
// saw it.
func (s *Syncer) openEpoch(ctx context.Context) (lost bool, err error) {
	var epoch string
	e, err := s.kv.Get(ctx, epochKey)
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound):
		b := make([]byte, 16)
		rand.Read(b)
		epoch = hex.EncodeToString(b)
		if _, err := s.kv.Create(ctx, epochKey, []byte(epoch)); errors.Is(err, jetstream.ErrKeyExists) {
			return s.openEpoch(ctx) // another member was first
		} else if err != nil {
			return false, s.hubError(err)
		}
	case err != nil:
		return false, s.hubError(err)
	default:
		epoch = string(e.Value())
	}
	before, err := s.rep.Mark(s.epochMark())
	if err != nil {
		return false, err
	}
	s.epoch = epoch
	return before != "" && before != epoch, nil
}

// openKey reads the team key's parameters from the hub (the first member
// with a passphrase writes them), checks them against those this database
// pinned when it joined, and unlocks the key. A hub that lost its store
// gets the pinned parameters back.
func (s *Syncer) openKey(ctx context.Context, lost bool) error {
	pinned, err := s.rep.Mark(s.kdfMark())
	if err != nil {
		return err
	}
	e, err := s.kv.Get(ctx, kdfKey)
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound):
		return s.noKeyOnHub(ctx, pinned, lost)
	case err != nil:
		return s.hubError(err)
	case len(s.cfg.Passphrase) == 0:
		return data.Errorf(data.ENeedPassphrase, "Team %s seals its changes: give the team passphrase (--team-passphrase-file FILE).", s.cfg.Team)
	case pinned != "" && !bytes.Equal([]byte(pinned), e.Value()):
		return data.Errorf(data.EInvalid, "The team key's parameters on the hub are not those team %s had when this database joined it: someone changed them on the hub. Nothing was sent or taken. If your team really started again with a new passphrase, join it under a new team name.", s.cfg.Team)
	}
	return s.unlock(e.Value(), pinned == "")
}

// noKeyOnHub decides what a hub without key parameters means: a team that
// does not seal, a new team (this member makes the key), a hub that lost
// its store (the pinned key is put back), or parameters someone removed
// (refused: never a reason to send in the clear).
func (s *Syncer) noKeyOnHub(ctx context.Context, pinned string, lost bool) error {
	switch {
	case pinned != "" && pinned != plainTeam && lost:
		if _, err := s.kv.Create(ctx, kdfKey, []byte(pinned)); err != nil && !errors.Is(err, jetstream.ErrKeyExists) {
			return s.hubError(err)
		}
		return s.openKey(ctx, false)
	case pinned != "" && pinned != plainTeam:
		return data.Errorf(data.EInvalid, "The team key's parameters are missing from the hub, though it still holds team %s's changes: someone removed them. Nothing was sent: Dossier never sends a sealed team's changes in the clear. Ask the hub's operator.", s.cfg.Team)
	case len(s.cfg.Passphrase) == 0:
		return s.pin(plainTeam)
	case pinned == plainTeam:
		return data.Errorf(data.EInvalid, "Team %s does not seal its changes (this database joined it without a passphrase): connect without --team-passphrase-file, or ask your team to start a sealed team under a new name.", s.cfg.Team)
	}
	if held, err := s.holdsChanges(ctx); err != nil || held {
		if err == nil {
			err = data.Errorf(data.EInvalid, "Team %s's hub holds changes but no key parameters: either the team does not seal its changes, or someone removed its key from the hub. Nothing was sent; ask a teammate which it is.", s.cfg.Team)
		}
		return err
	}
	key, err := NewKDF(s.cfg.Passphrase)
	if err != nil {
		return err
	}
	kdf, _ := json.Marshal(key.KDF())
	if _, err := s.kv.Create(ctx, kdfKey, kdf); err != nil {
		return s.openKey(ctx, false) // another member was first
	}
	s.key = key
	return s.pin(string(kdf))
}

// holdsChanges reports whether the hub holds any record.
func (s *Syncer) holdsChanges(ctx context.Context) (bool, error) {
	keys, err := s.kv.ListKeysFiltered(ctx, "r.>")
	if err != nil {
		return false, s.hubError(err)
	}
	defer keys.Stop()
	for range keys.Keys() {
		return true, nil
	}
	return false, nil
}

// unlock derives the team key from the parameters on the hub, bounded
// before anything is derived, and pins them the first time.
func (s *Syncer) unlock(raw []byte, first bool) error {
	var kdf KDF
	if len(raw) > maxKDFJSON || json.Unmarshal(raw, &kdf) != nil {
		return data.Errorf(data.EInvalid, "The team key's parameters on the hub are damaged.")
	}
	key, err := Unlock(kdf, s.cfg.Passphrase)
	if err != nil {
		return err
	}
	s.key = key
	if first {
		return s.pin(string(raw))
	}
	return nil
}

func (s *Syncer) pin(kdf string) error { return s.rep.SetMark(s.kdfMark(), kdf) }

// maxKDFJSON bounds the parameters read before they are parsed.
const maxKDFJSON = 1 << 10
