package report

import (
	"archive/zip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"

	"github.com/xuri/excelize/v2"
)

// saveWorkbook writes f to out. Without a password the archive goes into
// out as it is made, so a workbook of a million events never sits whole in
// memory (excelize's own Write builds the archive in a buffer first). With
// a password excelize encrypts the archive, and that needs it whole.
func saveWorkbook(f *excelize.File, out io.Writer, password string) error {
	opts := excelize.Options{Password: password, TmpDir: spoolDir(password)}
	if password != "" {
		return f.Write(out, opts)
	}
	arch := &archive{out: &counter{w: out}}
	arch.zw = zip.NewWriter(arch.out)
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return arch })
	if err := f.Write(io.Discard, opts); err != nil { // what excelize buffers is empty: all went to out
		return err
	}
	return arch.markLarge(out)
}

// archive is the zip excelize fills, written straight to its file. It
// remembers where each part starts and how long it is, for markLarge.
type archive struct {
	zw    *zip.Writer
	out   *counter
	parts []*part
}

// localHeader is the fixed part of a zip local file header; the name
// follows it (Create adds no extra field).
const localHeader = 30

// largePart is the size past which a part needs ZIP64.
var largePart int64 = math.MaxUint32

// part is one file of the archive: where its local header starts, and
// how many bytes were written to it.
type part struct {
	at   int64
	size int64
	w    io.Writer
}

func (p *part) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	p.size += int64(n)
	return n, err
}

func (a *archive) Create(name string) (io.Writer, error) {
	w, err := a.zw.Create(name) // ends the previous part, then writes this one's header
	if err != nil {
		return nil, err
	}
	if err := a.zw.Flush(); err != nil {
		return nil, err
	}
	p := &part{at: a.out.n - int64(localHeader+len(name)), w: w}
	a.parts = append(a.parts, p)
	return p, nil
}

func (a *archive) AddFS(fs.FS) error { return errors.ErrUnsupported }

func (a *archive) Close() error { return a.zw.Close() }

// markLarge sets "version needed to extract" to 4.5 (ZIP64) in the local
// header of each part over 4 GiB, as Excel insists; Go's zip writer puts
// it in the central directory only. excelize does the same to its buffer.
func (a *archive) markLarge(out io.Writer) error {
	for _, p := range a.parts {
		if p.size <= largePart {
			continue
		}
		wa, ok := out.(io.WriterAt)
		if !ok {
			return errors.New("a sheet over 4 GiB needs a file to write to")
		}
		var sig [4]byte
		if ra, ok := out.(io.ReaderAt); !ok {
			return errors.New("a sheet over 4 GiB needs a file to write to")
		} else if _, err := ra.ReadAt(sig[:], p.at); err != nil || string(sig[:]) != "PK\x03\x04" {
			return fmt.Errorf("the workbook's archive is not as written (part at %d)", p.at)
		}
		var v [2]byte
		binary.LittleEndian.PutUint16(v[:], 45)
		if _, err := wa.WriteAt(v[:], p.at+4); err != nil {
			return err
		}
	}
	return nil
}

// counter counts the bytes written through it.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}
