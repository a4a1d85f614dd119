// Package team is how analysts combine their work: bundles of changes
// carried on a USB stick, and live sync through a team hub (NATS
// JetStream). Both carry the same thing, each record's travelling version
// (data.Version), and both merge it the same way (data.Replica.Merge):
// a newer state is taken, a known one is skipped, and a record changed on
// two laptops since a common version becomes an open conflict for an
// analyst to settle. With a team passphrase, what travels is encrypted end
// to end: the hub's operator and whoever finds the USB stick see ids and
// sizes, not articles or events.
package team

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"

	"golang.org/x/crypto/argon2"

	"dossier/data"
)

// KDF is how a team key is derived from the team passphrase: argon2id with
// a salt the team shares (kept on the hub, or in a bundle's header), and a
// check value that tells a wrong passphrase from a damaged file.
type KDF struct {
	Salt    []byte `json:"salt"`
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory_kib"`
	Threads uint8  `json:"threads"`
	Check   []byte `json:"check"`
}

// Key seals and opens what travels (AES-256-GCM).
type Key struct {
	aead cipher.AEAD
	kdf  KDF
}

// NewKDF makes new parameters (a new salt) for a passphrase.
func NewKDF(passphrase []byte) (*Key, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	k := KDF{Salt: salt, Time: 2, Memory: 64 * 1024, Threads: 2}
	key := k.derive(passphrase)
	k.Check = check(key)
	return newKey(key, k)
}

// Unlock derives the key for passphrase with shared parameters, refusing a
// passphrase that is not the team's.
func Unlock(k KDF, passphrase []byte) (*Key, error) {
	if err := k.bounded(); err != nil {
		return nil, err
	}
	key := k.derive(passphrase)
	if !hmac.Equal(check(key), k.Check) {
		return nil, data.Errorf(data.EInvalid, "The team passphrase is wrong: it is not the one this team's changes were sealed with. Nothing was changed.")
	}
	return newKey(key, k)
}

// Bounds on the key parameters Dossier accepts from a hub or a bundle:
// anything else was not made by Dossier and could make the derivation fail,
// take hours or exhaust the memory.
const (
	minKDFTime, maxKDFTime     = 1, 10
	minKDFMemory, maxKDFMemory = 8 << 10, 256 << 10 // KiB
	maxKDFThreads              = 16
	minSalt, maxSalt           = 16, 64
)

// bounded refuses parameters outside what Dossier makes and accepts.
func (k KDF) bounded() error {
	if len(k.Salt) < minSalt || len(k.Salt) > maxSalt || len(k.Check) != 16 ||
		k.Time < minKDFTime || k.Time > maxKDFTime || k.Memory < minKDFMemory || k.Memory > maxKDFMemory ||
		k.Threads < 1 || k.Threads > maxKDFThreads {
		return data.Errorf(data.EInvalid, "The team key's parameters (time %d, memory %d KiB, %d threads) are not ones Dossier makes or accepts (time %d–%d, memory %d–%d MiB, 1–%d threads): they were damaged or altered, and nothing was opened.",
			k.Time, k.Memory, k.Threads, minKDFTime, maxKDFTime, minKDFMemory>>10, maxKDFMemory>>10, maxKDFThreads)
	}
	return nil
}

func (k KDF) derive(passphrase []byte) []byte {
	return argon2.IDKey(passphrase, k.Salt, k.Time, k.Memory, k.Threads, 32)
}

// check is a value the key alone gives, kept beside the salt.
func check(key []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("dossier team key"))
	return m.Sum(nil)[:16]
}

func newKey(key []byte, k KDF) (*Key, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Key{aead: aead, kdf: k}, nil
}

// KDF is the key's parameters, to share with the team.
func (k *Key) KDF() KDF { return k.kdf }

// Seal encrypts plain, bound to label (a hub key, a bundle's header): a
// sealed value moved elsewhere does not open.
func (k *Key) Seal(plain, label []byte) []byte {
	nonce := make([]byte, k.aead.NonceSize())
	rand.Read(nonce)
	return k.aead.Seal(nonce, nonce, plain, label)
}

// errAltered: a sealed value does not open with the team key.
var errAltered = errors.New("altered or sealed with another key")

// Open decrypts what Seal sealed with the same label.
func (k *Key) Open(sealed, label []byte) ([]byte, error) {
	n := k.aead.NonceSize()
	if len(sealed) < n {
		return nil, errAltered
	}
	plain, err := k.aead.Open(nil, sealed[:n], sealed[n:], label)
	if err != nil {
		return nil, fmt.Errorf("%w", errAltered)
	}
	return plain, nil
}
