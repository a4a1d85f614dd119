package cli

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"dossier/data"
)

// The command line beside the window: while a window (or 'dossier sync')
// holds a database, a command typed in a terminal cannot open it, so it
// asks the holder to run it instead, over a Unix socket in the database
// folder that only this user may connect to (file mode 0600, and on Linux
// the peer's user id checked). The holder runs the command with its own
// session — a put lands in the open window's undo history and its change
// feed — and streams back the command's output and exit status.
//
// The exchange is frames of one kind byte, a 4-byte big-endian length and
// that many bytes: the caller sends a request, then its standard input,
// then the end of it; the holder sends output, error output, and last the
// exit status.

// socketName is the socket's file in the database folder.
const socketName = "dossier.sock"

// Frame kinds.
const (
	frameRequest = 'R' // JSON request, first
	frameStdin   = 'I'
	frameEOF     = 'E' // the end of standard input
	frameStdout  = 'O'
	frameStderr  = 'X'
	frameExit    = 'C' // 4 bytes: the exit status, last
)

// Bounds on what a frame may carry: a request's arguments, a piece of
// standard input or output.
const (
	maxRequest = 64 << 10
	maxFrame   = 1 << 20
	maxArgs    = 4096
)

// besideVersion is the exchange's version: a holder refuses requests of
// another.
const besideVersion = 1

// request is what a command asks the holder to run.
type request struct {
	Version int      `json:"version"`
	Args    []string `json:"args"` // the command and its arguments
	Dir     string   `json:"dir"`  // where relative paths are read from
}

// socketPath is where the socket of a database lives.
func socketPath(db string) string { return filepath.Join(db, socketName) }

func writeFrame(w io.Writer, kind byte, payload []byte) error {
	head := [5]byte{kind}
	binary.BigEndian.PutUint32(head[1:], uint32(len(payload)))
	if _, err := w.Write(head[:]); err != nil {
		return err
	}
	_, err := w.Write(payload)
	return err
}

// readFrame reads one frame, refusing one longer than limit.
func readFrame(r io.Reader, limit int) (byte, []byte, error) {
	var head [5]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return 0, nil, err
	}
	n := binary.BigEndian.Uint32(head[1:])
	if int64(n) > int64(limit) {
		return 0, nil, fmt.Errorf("a frame of %d bytes is over the limit of %d", n, limit)
	}
	payload := make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		return 0, nil, err
	}
	return head[0], payload, nil
}

// frameWriter sends what is written to it as frames of one kind; the
// writers of one connection share a lock, so frames never interleave.
type frameWriter struct {
	mu   *sync.Mutex
	w    io.Writer
	kind byte
}

func (f frameWriter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for rest := p; len(rest) > 0; {
		n := min(len(rest), maxFrame)
		if err := writeFrame(f.w, f.kind, rest[:n]); err != nil {
			return len(p) - len(rest), err
		}
		rest = rest[n:]
	}
	return len(p), nil
}

// errNoHolder: no process answers on the database's socket.
var errNoHolder = errors.New("no Dossier process holds this database")

// askHolder sends a command to the process holding db and relays its
// output; it returns the command's exit status, or errNoHolder when no
// process answers.
func askHolder(env Env, db string, args []string) (int, error) {
	conn, err := net.Dial("unix", socketPath(db))
	if err != nil {
		return 0, errNoHolder
	}
	defer conn.Close()
	dir, _ := os.Getwd()
	req, _ := json.Marshal(request{Version: besideVersion, Args: args, Dir: dir})
	var mu sync.Mutex
	if err := writeFrame(conn, frameRequest, req); err != nil {
		return 0, errNoHolder
	}
	go sendStdin(env.Stdin, frameWriter{&mu, conn, frameStdin})
	in := bufio.NewReader(conn)
	for {
		kind, payload, err := readFrame(in, maxFrame)
		if err != nil {
			fmt.Fprintln(env.Stderr, "dossier: the Dossier process holding the database stopped before the command finished; it may have run in part")
			return ExitFailed, nil
		}
		switch kind {
		case frameStdout:
			env.Stdout.Write(payload)
		case frameStderr:
			env.Stderr.Write(payload)
		case frameExit:
			if len(payload) != 4 {
				return ExitFailed, nil
			}
			return int(int32(binary.BigEndian.Uint32(payload))), nil
		}
	}
}

// sendStdin forwards standard input, then its end.
func sendStdin(stdin io.Reader, w frameWriter) {
	if stdin != nil {
		io.Copy(w, stdin)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	writeFrame(w.w, frameEOF, nil)
}

// Waiting for a database another process holds: how long (tests wait
// less), and how often to try again.
var holdWait = 10 * time.Second

const holdRetry = 200 * time.Millisecond

// besideHolder runs a command for a database another process holds: by
// that process, when it answers on the database's socket (st is nil, code
// is the command's status), or here once it lets go of the database (st
// is the store opened). When neither happens within holdWait, err says
// why.
func besideHolder(env Env, db string, args []string, open func() (data.Store, error)) (st data.Store, code int, err error) {
	deadline := time.Now().Add(holdWait)
	for said := false; ; said = true {
		if code, err := askHolder(env, db, args); err == nil {
			return nil, code, nil
		}
		st, err = open()
		if data.ErrorCode(err) != data.ELocked {
			return st, 0, err
		}
		if time.Now().After(deadline) {
			return nil, 0, data.Errorf(data.ELocked, "Another Dossier process still holds the database %s after %s of waiting, and does not answer commands; try again when it is done.", db, holdWait)
		}
		if !said {
			fmt.Fprintf(env.Stderr, "dossier: waiting for another Dossier process to finish with %s…\n", db)
		}
		time.Sleep(holdRetry)
	}
}
