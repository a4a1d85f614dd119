package badgerstore

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"dossier/data"
)

// Analysts: "m/analyst" holds the id of this database's analyst, "m/signer"
// the seed of their signing key (the id derives from its public key), and
// "m/home" where the database lives (machine and folder), so that a copy
// of the folder elsewhere is told apart from the original; "an/<id>" holds
// each known analyst (this one, and colleagues whose changes arrived) with
// a display name.
const (
	analystKey = "m/analyst"
	signerKey  = "m/signer"
	homeKey    = "m/home"
)

func analystRecordKey(id string) string { return "an/" + id }

// identity is who writes in a database: the analyst and their signing key.
type identity struct {
	analyst data.Analyst
	signer  ed25519.PrivateKey
}

// loadAnalyst reads this database's analyst and signing key. A new
// database gets a new analyst; one from before changes were signed, or a
// copy found in another place than it was made in, gets a new identity
// (the same name), so that its changes and the original's are told apart.
func (s *Store) loadAnalyst() error {
	id, home, err := s.readIdentity()
	if err != nil {
		return err
	}
	switch {
	case id.analyst.ID == "":
		return s.newIdentity(id.analyst)
	case id.signer == nil:
		s.notices = append(s.notices, fmt.Sprintf("Dossier now signs your changes: this database writes under a new analyst id (your name on changes, %q, stays), so that colleagues can check what is yours.", id.analyst.DisplayName()))
		return s.newIdentity(id.analyst)
	case !s.inMemory && home != s.home():
		s.notices = append(s.notices, fmt.Sprintf("This database was copied or moved from elsewhere: it now writes as a new analyst identity, so that its changes and those of the copy it came from are told apart (they conflict instead of overwriting each other). Your name on changes stays %q.", id.analyst.DisplayName()))
		return s.newIdentity(id.analyst)
	}
	s.identity = id
	return nil
}

// readIdentity reads the analyst, their key and the home recorded.
func (s *Store) readIdentity() (identity, string, error) {
	var id identity
	var home string
	err := s.db.View(func(txn *badger.Txn) error {
		aid, err := getString(txn, analystKey)
		if errors.Is(err, errNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		id.analyst = data.Analyst{ID: aid}
		if err := getJSON(txn, analystRecordKey(aid), &id.analyst); err != nil && !errors.Is(err, errNotFound) {
			return err
		}
		seed, err := getString(txn, signerKey)
		switch {
		case errors.Is(err, errNotFound):
			return nil
		case err != nil:
			return err
		case len(seed) != ed25519.SeedSize:
			return data.Errorf(data.EInvalid, "The database's signing key is damaged.")
		}
		if key := ed25519.NewKeyFromSeed([]byte(seed)); data.AnalystIDFor(key.Public().(ed25519.PublicKey)) == aid {
			id.signer = key
		}
		home, err = getString(txn, homeKey)
		if errors.Is(err, errNotFound) {
			err = nil
		}
		return err
	})
	return id, home, err
}

// newIdentity makes a new signing key and the analyst it names, keeping
// the display name of the one before (or the computer account's).
func (s *Store) newIdentity(before data.Analyst) error {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		return err
	}
	name := before.Name
	if before.ID == "" {
		name = data.DefaultAnalystName()
	}
	return s.setIdentity(identity{analyst: data.Analyst{ID: data.AnalystIDFor(pub), Name: name}, signer: priv})
}

// setIdentity makes id this database's analyst, here.
func (s *Store) setIdentity(id identity) error {
	id.analyst.Sign(id.signer)
	err := s.update(func(txn *badger.Txn) error {
		kv := [][2]string{{analystKey, id.analyst.ID}, {signerKey, string(id.signer.Seed())}, {homeKey, s.home()}}
		for _, p := range kv {
			if err := txn.Set([]byte(p[0]), []byte(p[1])); err != nil {
				return err
			}
		}
		if err := newEpoch(txn); err != nil { // a new database, a copy or a restore: its log is another
			return err
		}
		return setJSON(txn, analystRecordKey(id.analyst.ID), id.analyst)
	})
	if err == nil {
		s.identity = id
	}
	return err
}

// home names where this database lives: this machine and this folder. A
// folder copied to another laptop, or to another folder, has another.
func (s *Store) home() string {
	if s.inMemory {
		return ""
	}
	dir, err := filepath.Abs(s.path)
	if err != nil {
		dir = s.path
	}
	sum := sha256.Sum256([]byte(machineID() + "\x00" + filepath.Clean(dir)))
	return hex.EncodeToString(sum[:16])
}

// Analyst is who works on this database, with their public key.
func (s *Store) Analyst() data.Analyst { return s.identity.analyst }

// Sign signs msg with this analyst's key.
func (s *Store) Sign(msg []byte) []byte { return ed25519.Sign(s.identity.signer, msg) }

// SetAnalystName changes this analyst's display name.
func (s *Store) SetAnalystName(ctx context.Context, name string) error {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return data.Errorf(data.EInvalid, "Give a name for yourself, as your colleagues will see it.")
	}
	a := s.identity.analyst
	a.Name = name
	a.Sign(s.identity.signer)
	if err := s.update(func(txn *badger.Txn) error { return setJSON(txn, analystRecordKey(a.ID), a) }); err != nil {
		return err
	}
	s.identity.analyst = a
	s.names.Store(a.ID, a.DisplayName())
	return nil
}

// AnalystName is the display name of an analyst known here ("" for none).
func (s *Store) AnalystName(id string) string {
	if id == "" {
		return ""
	}
	if n, ok := s.names.Load(id); ok {
		return n.(string)
	}
	a := data.Analyst{ID: id}
	s.db.View(func(txn *badger.Txn) error { return getJSON(txn, analystRecordKey(id), &a) })
	s.names.Store(id, a.DisplayName())
	return a.DisplayName()
}

// Notices are what the store did on its own when it opened, as sentences
// (a new identity, an interrupted change finished, damage found).
func (s *Store) Notices() []string { return s.notices }

// machineID names this computer (a variable, so that tests can move a
// database to another machine).
var machineID = systemMachineID
