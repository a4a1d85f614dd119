package team

import (
	"crypto/ed25519"
	"encoding/json"
	"io"
	"time"

	"dossier/data"
)

// What the tests (package team_test, which may import package app) reach
// inside.

// BundleMagic is a bundle's first line.
const BundleMagic = bundleMagic

// HubValues are the keys and sealed values of every record a syncer's
// database would push, as the hub would store them.
func HubValues(s *Syncer) (keys []string, values [][]byte, err error) {
	_, err = s.rep.Changed(0, func(v data.Version) error {
		k := recordKey(v.ID)
		val, err := s.seal(k, v)
		keys, values = append(keys, k), append(values, val)
		return err
	})
	return
}

// WriteBundle writes a bundle of the versions given, signed by the analyst
// whose key is priv, as anyone with a key of their own could make one.
func WriteBundle(w io.Writer, priv ed25519.PrivateKey, versions []data.Version, key *Key) error {
	pub := priv.Public().(ed25519.PublicKey)
	h := bundleHeader{Created: time.Now().UTC(), From: data.AnalystIDFor(pub), Key: pub, Records: len(versions)}
	sign := func(msg []byte) []byte { return ed25519.Sign(priv, msg) }
	return writeBundle(w, h, key, sign, func(body io.Writer) error {
		enc := json.NewEncoder(body)
		for i := range versions {
			if err := enc.Encode(line{Version: &versions[i]}); err != nil {
				return err
			}
		}
		return nil
	})
}

// Seal seals a hub value as a member with the team passphrase would.
func Seal(s *Syncer, key string, v []byte) []byte {
	if s.key == nil {
		return v
	}
	return s.key.Seal(v, []byte(key))
}

// TeamKey is a syncer's team key (nil for a team that does not seal).
func TeamKey(s *Syncer) *Key { return s.key }

// WriteRawBundle writes a bundle whose body is whatever body writes,
// signed by priv.
func WriteRawBundle(w io.Writer, priv ed25519.PrivateKey, body func(io.Writer) error) error {
	pub := priv.Public().(ed25519.PublicKey)
	h := bundleHeader{Created: time.Now().UTC(), From: data.AnalystIDFor(pub), Key: pub}
	return writeBundle(w, h, nil, func(msg []byte) []byte { return ed25519.Sign(priv, msg) }, body)
}
