package cli

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"sync"

	"dossier/app"
	"dossier/data"
)

// notBeside are the commands a holder does not run for another process:
// they look after the database as a whole, and want it to themselves.
var notBeside = map[string]string{
	"check": "checking and mending the database",
	"sync":  "syncing (the window syncs from its Team menu)",
}

// Holder answers the commands other processes of this user send to the
// database it holds (see beside.go).
type Holder struct {
	sess *app.Session
	ln   net.Listener
	path string
	wg   sync.WaitGroup
}

// Hold starts answering commands for sess's database. The socket a
// process killed while holding the database left behind is replaced: only
// the process that holds the database lock gets this far.
func Hold(sess *app.Session) (*Holder, error) {
	path := socketPath(sess.DatabasePath())
	os.Remove(path)
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	h := &Holder{sess: sess.From(data.OriginCommand), ln: ln, path: path}
	h.wg.Add(1)
	go h.accept()
	return h, nil
}

// Close stops answering and waits for the commands being run to finish
// (a nil Holder, one that never started, has nothing to stop).
func (h *Holder) Close() {
	if h == nil {
		return
	}
	h.ln.Close()
	os.Remove(h.path)
	h.wg.Wait()
}

func (h *Holder) accept() {
	defer h.wg.Done()
	for {
		conn, err := h.ln.Accept()
		if err != nil {
			return
		}
		if !sameUser(conn) {
			conn.Close()
			continue
		}
		h.wg.Add(1)
		go func() {
			defer h.wg.Done()
			defer conn.Close()
			h.serve(conn)
		}()
	}
}

// serve runs one request and sends back what it printed and its status.
func (h *Holder) serve(conn net.Conn) {
	in := bufio.NewReader(conn)
	var mu sync.Mutex
	stdout, stderr := frameWriter{&mu, conn, frameStdout}, frameWriter{&mu, conn, frameStderr}
	req, err := readRequest(in)
	if err != nil {
		fmt.Fprintf(stderr, "dossier: the window could not read the command: %v\n", err)
		sendExit(&mu, conn, ExitUsage)
		return
	}
	cmd, known := commands[req.Args[0]]
	if why, refused := notBeside[req.Args[0]]; refused || !known || cmd.run == nil {
		if !refused {
			why = "this command"
		}
		fmt.Fprintf(stderr, "dossier: the database is open in a Dossier window, which does not run %s for the command line; close the window first\n", why)
		sendExit(&mu, conn, ExitFailed)
		return
	}
	stdin, feed := io.Pipe()
	go feedStdin(in, feed)
	code := h.run(cmd, Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Dir: req.Dir}, req.Args[1:])
	stdin.Close()
	h.sess.SettleLearning()
	sendExit(&mu, conn, code)
}

// run runs a command for another process; one that fails badly fails
// alone, not the window holding the database.
func (h *Holder) run(cmd command, env Env, args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(env.Stderr, "dossier: the command failed inside the window (%v); nothing else was affected\n", r)
			code = ExitFailed
		}
	}()
	return cmd.run(env, h.sess, args)
}

// readRequest reads and checks the request that opens an exchange.
func readRequest(in io.Reader) (request, error) {
	var req request
	kind, payload, err := readFrame(in, maxRequest)
	switch {
	case err != nil:
		return req, err
	case kind != frameRequest:
		return req, fmt.Errorf("the exchange did not start with a request")
	case json.Unmarshal(payload, &req) != nil:
		return req, fmt.Errorf("the request is not JSON")
	case req.Version != besideVersion:
		return req, fmt.Errorf("the command line is of another version of Dossier (%d, this window speaks %d)", req.Version, besideVersion)
	case len(req.Args) == 0 || len(req.Args) > maxArgs:
		return req, fmt.Errorf("a request needs a command, and at most %d arguments", maxArgs)
	}
	return req, nil
}

// feedStdin passes the caller's standard input on to the command, until
// its end (or the caller goes away).
func feedStdin(in io.Reader, feed *io.PipeWriter) {
	for {
		kind, payload, err := readFrame(in, maxFrame)
		if err != nil {
			feed.CloseWithError(io.ErrUnexpectedEOF)
			return
		}
		if kind == frameEOF {
			feed.Close()
			return
		}
		if kind == frameStdin {
			if _, err := feed.Write(payload); err != nil {
				return // the command stopped reading
			}
		}
	}
}

func sendExit(mu *sync.Mutex, w io.Writer, code int) {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], uint32(int32(code)))
	mu.Lock()
	defer mu.Unlock()
	writeFrame(w, frameExit, b[:])
}
