// Package sealed writes and reads a sealed stream: the data cut into 64 KiB
// chunks, each sealed with AES-256-GCM under a counter nonce and bound to a
// label, the last chunk marked, so that a stream that was changed, cut
// short, reordered or moved under another label does not open. Backups and
// bundles are sealed with it.
package sealed

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"errors"
	"io"
)

// chunk is how much plain text one sealed chunk holds.
const chunk = 64 << 10

// AEAD is AES-256-GCM with key (32 bytes).
func AEAD(key []byte) cipher.AEAD {
	block, err := aes.NewCipher(key)
	if err != nil {
		panic(err) // a key of the wrong length is a programming error
	}
	aead, _ := cipher.NewGCM(block)
	return aead
}

// ErrBadSeal: the stream does not open (a wrong key, or damage).
var ErrBadSeal = errors.New("the passphrase is wrong, or the file is damaged")

func nonce(n uint64, last bool) []byte {
	b := make([]byte, 12)
	if last {
		b[0] = 1
	}
	binary.BigEndian.PutUint64(b[4:], n)
	return b
}

// Writer seals what is written to it; Close seals the last chunk.
type Writer struct {
	aead  cipher.AEAD
	w     io.Writer
	label []byte
	buf   []byte
	n     uint64
}

// NewWriter seals onto w, bound to label (nil for none).
func NewWriter(aead cipher.AEAD, w io.Writer, label []byte) *Writer {
	return &Writer{aead: aead, w: w, label: label}
}

func (s *Writer) Write(p []byte) (int, error) {
	total := len(p)
	for len(p) > 0 {
		k := min(chunk-len(s.buf), len(p))
		s.buf = append(s.buf, p[:k]...)
		p = p[k:]
		if len(s.buf) == chunk {
			if err := s.seal(false); err != nil {
				return 0, err
			}
		}
	}
	return total, nil
}

func (s *Writer) seal(last bool) error {
	ct := s.aead.Seal(nil, nonce(s.n, last), s.buf, s.label)
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
func (s *Writer) Close() error { return s.seal(true) }

// Reader opens what a Writer sealed, with the same key and label; it
// returns ErrBadSeal for anything that does not open, and for a stream
// that ends before its last chunk.
type Reader struct {
	aead  cipher.AEAD
	r     io.Reader
	label []byte
	buf   []byte
	n     uint64
	done  bool
}

// NewReader opens the stream read from r.
func NewReader(aead cipher.AEAD, r io.Reader, label []byte) *Reader {
	return &Reader{aead: aead, r: r, label: label}
}

func (o *Reader) Read(p []byte) (int, error) {
	for len(o.buf) == 0 {
		if o.done {
			return 0, io.EOF
		}
		var l [4]byte
		if _, err := io.ReadFull(o.r, l[:]); err != nil {
			return 0, ErrBadSeal // ended before the last chunk: cut short
		}
		size := binary.BigEndian.Uint32(l[:])
		if size > chunk+64 {
			return 0, ErrBadSeal
		}
		ct := make([]byte, size)
		if _, err := io.ReadFull(o.r, ct); err != nil {
			return 0, ErrBadSeal
		}
		pt, err := o.aead.Open(nil, nonce(o.n, false), ct, o.label)
		if err != nil {
			if pt, err = o.aead.Open(nil, nonce(o.n, true), ct, o.label); err != nil {
				return 0, ErrBadSeal
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
