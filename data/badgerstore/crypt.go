package badgerstore

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/hkdf"

	"dossier/data"
)

// keyFile beside the database holds the key-derivation parameters (not the
// key, which comes from the passphrase each time).
const keyFile = "dossier-key.json"

// keyParams derive a 256-bit key from a passphrase with argon2id.
type keyParams struct {
	KDF     string `json:"kdf"`
	Salt    []byte `json:"salt"`
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory_kib"`
	Threads uint8  `json:"threads"`
}

func newKeyParams() keyParams {
	salt := make([]byte, 16)
	rand.Read(salt)
	return keyParams{KDF: "argon2id", Salt: salt, Time: 2, Memory: 64 * 1024, Threads: 2}
}

func (p keyParams) key(passphrase []byte) []byte {
	return argon2.IDKey(passphrase, p.Salt, p.Time, p.Memory, p.Threads, 32)
}

// Encrypted reports whether the database is encrypted.
func (s *Store) Encrypted() bool { return s.key != nil }

// Secret is a key for purpose, derived from the database's own key
// (HKDF-SHA256), so that what lives beside the database (its search index)
// is encrypted as well as it is; nil for an unencrypted database.
func (s *Store) Secret(purpose string) []byte {
	if s.key == nil {
		return nil
	}
	out := make([]byte, 32)
	io.ReadFull(hkdf.New(sha256.New, s.key, nil, []byte("dossier: "+purpose)), out)
	return out
}

func readKeyParams(dir string) (*keyParams, error) {
	b, err := os.ReadFile(filepath.Join(dir, keyFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var p keyParams
	if err := json.Unmarshal(b, &p); err != nil || p.KDF != "argon2id" || len(p.Salt) == 0 {
		return nil, data.Errorf(data.EInvalid, "The key file %s is damaged.", filepath.Join(dir, keyFile))
	}
	return &p, nil
}

// writeKeyParams writes the key file of a new encrypted database whole or
// not at all (a temporary file, synced, then renamed): a kill cannot leave
// a half-written one that refuses the folder.
func writeKeyParams(dir string, p keyParams) error {
	b, _ := json.MarshalIndent(p, "", "  ")
	tmp := filepath.Join(dir, keyFile+".new")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, keyFile))
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// errPassphraseNeeded is returned for an encrypted database opened without one.
func errPassphraseNeeded(dir string) error {
	return &data.Error{Code: data.ENeedPassphrase, Message: fmt.Sprintf(
		"The database %s is encrypted: give its passphrase (--passphrase-file FILE).", dir)}
}
