package badgerstore

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
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

func writeKeyParams(dir string, p keyParams) error {
	b, _ := json.MarshalIndent(p, "", "  ")
	return os.WriteFile(filepath.Join(dir, keyFile), b, 0o600)
}

// Sealed streams: 64 KiB chunks, each AES-256-GCM sealed with a counter
// nonce; the last chunk is marked so that a cut-short file is detected.
const sealChunk = 64 << 10

type sealWriter struct {
	aead cipher.AEAD
	w    io.Writer
	buf  []byte
	n    uint64
}

func newAEAD(key []byte) cipher.AEAD {
	block, _ := aes.NewCipher(key)
	aead, _ := cipher.NewGCM(block)
	return aead
}

func nonce(n uint64, last bool) []byte {
	b := make([]byte, 12)
	if last {
		b[0] = 1
	}
	binary.BigEndian.PutUint64(b[4:], n)
	return b
}

func (s *sealWriter) Write(p []byte) (int, error) {
	total := len(p)
	for len(p) > 0 {
		k := min(sealChunk-len(s.buf), len(p))
		s.buf = append(s.buf, p[:k]...)
		p = p[k:]
		if len(s.buf) == sealChunk {
			if err := s.seal(false); err != nil {
				return 0, err
			}
		}
	}
	return total, nil
}

func (s *sealWriter) seal(last bool) error {
	ct := s.aead.Seal(nil, nonce(s.n, last), s.buf, nil)
	s.n++
	s.buf = s.buf[:0]
	var l [4]byte
	binary.BigEndian.PutUint32(l[:], uint32(len(ct)))
	if _, err := s.w.Write(l[:]); err != nil {
		return err
	}
	_, err := s.w.Write(ct)
	return err
}

// Close seals the last chunk.
func (s *sealWriter) Close() error { return s.seal(true) }

type openReader struct {
	aead cipher.AEAD
	r    io.Reader
	buf  []byte
	n    uint64
	done bool
}

var errBadSeal = errors.New("the passphrase is wrong, or the file is damaged")

func (o *openReader) Read(p []byte) (int, error) {
	for len(o.buf) == 0 {
		if o.done {
			return 0, io.EOF
		}
		var l [4]byte
		if _, err := io.ReadFull(o.r, l[:]); err != nil {
			return 0, errBadSeal // ended before the last chunk: cut short
		}
		size := binary.BigEndian.Uint32(l[:])
		if size > sealChunk+64 {
			return 0, errBadSeal
		}
		ct := make([]byte, size)
		if _, err := io.ReadFull(o.r, ct); err != nil {
			return 0, errBadSeal
		}
		pt, err := o.aead.Open(nil, nonce(o.n, false), ct, nil)
		if err != nil {
			if pt, err = o.aead.Open(nil, nonce(o.n, true), ct, nil); err != nil {
				return 0, errBadSeal
			}
			o.done = true
		}
		o.n++
		o.buf = pt
	}
	k := copy(p, o.buf)
	o.buf = o.buf[k:]
	return k, nil
}

// errPassphraseNeeded is returned for an encrypted database opened without one.
func errPassphraseNeeded(dir string) error {
	return &data.Error{Code: data.ENeedPassphrase, Message: fmt.Sprintf(
		"The database %s is encrypted: give its passphrase (--passphrase-file FILE).", dir)}
}
