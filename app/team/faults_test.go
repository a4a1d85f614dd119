package team_test

// Fault and hostile-hub tests (make faults runs every TestFault…): what a
// hub that lost its store, a copied database, a colleague with hub
// credentials or the team passphrase, a crafted bundle or key parameters
// can do to a team's work, and what Dossier does about it. Each fails on
// the Dossier before issue 23's work.

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"dossier/app"
	"dossier/app/team"
	"dossier/data"
	"dossier/data/badgerstore"
	"dossier/data/storetest"
)

// hubKV is the team's bucket as anyone with hub credentials reaches it
// (the hub's operator, a member without the team passphrase).
func hubKV(t *testing.T, srv *server.Server) jetstream.KeyValue {
	t.Helper()
	nc, err := nats.Connect(srv.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, _ := jetstream.New(nc)
	kv, err := js.KeyValue(bg, "dossier-desk")
	if err != nil {
		t.Fatal(err)
	}
	return kv
}

// sealedTeam is the configuration of a team that seals its changes, on srv.
func sealedTeam(srv *server.Server) team.HubConfig {
	return team.HubConfig{Server: srv.ClientURL(), Team: "desk", Passphrase: []byte("team secret")}
}

// codedAnalyst is a database holding the coded sample, pushed to the hub.
func codedAnalyst(t *testing.T, cfg team.HubConfig, name string) data.Store {
	t.Helper()
	st := analystDB(t, name)
	app.NewSession(st, name).LoadSample()
	once(t, syncer(t, st, cfg))
	return st
}

// teamOfTwo is a sealed team on a hub: a holds the coded sample and
// pushed it, b (whose syncer is sb) received it; kv is the team's bucket.
func teamOfTwo(t *testing.T) (a, b data.Store, sb *team.Syncer, kv jetstream.KeyValue, cfg team.HubConfig) {
	t.Helper()
	srv, _ := startHub(t)
	cfg = sealedTeam(srv)
	a = codedAnalyst(t, cfg, "Analyst A")
	b = analystDB(t, "Analyst B")
	sb = syncer(t, b, cfg)
	once(t, sb)
	return a, b, sb, hubKV(t, srv), cfg
}

// addEvents codes n more events on the sample's article.
func addEvents(t *testing.T, st data.Store, n int) {
	t.Helper()
	arts, _ := st.Articles()
	acts, _ := st.Actors()
	for i := range n {
		e := data.Event{Type: "CONSULT", Article: arts[0].ID, Actors: []string{acts[0].ID}, Notes: "later " + string(rune('a'+i%26))}
		if err := st.PutEvent(bg, &e); err != nil {
			t.Fatal(err)
		}
	}
}

func countsOf(st data.Store) data.Counts { c, _ := st.Counts(); return c }

// 1. A hub restarted with its store emptied: the members notice, say so
// and send their history again; a new member then receives everything
// (no event without its actors and article), and a member that synced
// before the loss receives every change made after it.
func TestFaultHubLosesItsStore(t *testing.T) {
	dir := storetest.TempDir(t)
	srv, _ := startHub(t, func(o *server.Options) { o.StoreDir = dir })
	port := srv.Addr().(interface{ String() string }).String()
	cfg := sealedTeam(srv)
	a := codedAnalyst(t, cfg, "Analyst A")
	b := analystDB(t, "Analyst B")
	once(t, syncer(t, b, cfg))
	if countsOf(b) != countsOf(a) {
		t.Fatalf("b before the loss: %+v, a: %+v", countsOf(b), countsOf(a))
	}
	srv.Shutdown()
	empty := storetest.TempDir(t) // the hub comes back with nothing (Windows keeps the old folder's files a while)
	_, p, _ := strings.Cut(port, ":")
	again, _ := strconv.Atoi(p)
	startHub(t, func(o *server.Options) { o.StoreDir = empty; o.Port = again })

	ex := once(t, syncer(t, a, cfg))
	if !strings.Contains(strings.Join(ex.Notices, " "), "lost changes") || ex.Pushed < 11 {
		t.Fatalf("a after the loss pushed %d, said %q", ex.Pushed, ex.Notices)
	}
	addEvents(t, a, 40)
	once(t, syncer(t, a, cfg))
	c := analystDB(t, "Analyst C")
	if ex := once(t, syncer(t, c, cfg)); ex.Pulled.Waiting != 0 {
		t.Fatalf("a new member holds events waiting for what they cite: %s", team.Line(ex.Pulled))
	}
	if countsOf(c) != countsOf(a) {
		t.Fatalf("a new member after the loss holds %+v, a %+v", countsOf(c), countsOf(a))
	}
	once(t, syncer(t, b, cfg))
	if countsOf(b) != countsOf(a) || storetest.Dump(b) != storetest.Dump(a) {
		t.Fatalf("the member that synced before the loss holds %+v, a %+v", countsOf(b), countsOf(a))
	}
}

// 2. A database folder copied to another place forks to a new identity
// with a sentence: the original and the copy editing the same event make
// a conflict, not two versions of one name that never meet.
func TestFaultCopiedDatabaseForks(t *testing.T) {
	dir := storetest.TempDir(t)
	orig, err := badgerstore.Open(filepath.Join(dir, "laptop-1"))
	if err != nil {
		t.Fatal(err)
	}
	orig.SetAnalystName(bg, "Analyst A")
	app.NewSession(orig, "a").LoadSample()
	orig.Close()
	copyTree(t, filepath.Join(dir, "laptop-1"), filepath.Join(dir, "laptop-2"))

	a, err := badgerstore.Open(filepath.Join(dir, "laptop-1"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := badgerstore.Open(filepath.Join(dir, "laptop-2"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if len(a.Notices()) != 0 {
		t.Fatalf("the original says %q", a.Notices())
	}
	if b.Analyst().ID == a.Analyst().ID || !strings.Contains(strings.Join(b.Notices(), " "), "copied or moved") || b.Analyst().Name != "Analyst A" {
		t.Fatalf("the copy is %+v and says %q", b.Analyst(), b.Notices())
	}
	evs, _ := a.Events(data.EventQuery{})
	ea, eb := evs[0], evs[0]
	ea.Notes, eb.Notes = "edited on laptop 1", "edited on laptop 2"
	if err := a.PutEvent(bg, &ea); err != nil {
		t.Fatal(err)
	}
	if err := b.PutEvent(bg, &eb); err != nil {
		t.Fatal(err)
	}
	if rep := carry(t, b, a, "", nil); rep.Conflicts != 1 {
		t.Fatalf("the copy's edit at the original: %s", team.Line(rep))
	}
}

// copyTree copies a folder as cp -a would.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	filepath.Walk(from, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(to, strings.TrimPrefix(p, from))
		if fi.IsDir() {
			return os.MkdirAll(dst, fi.Mode())
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return os.WriteFile(dst, b, fi.Mode())
	})
}

// 3. One bad value on the hub (garbage put by a member with hub
// credentials only, or a sealed body that is not an event, put by one with
// the passphrase) is set aside and shown; every later change still
// reaches everyone, and the hub gets the record back from a member that
// holds it.
func TestFaultBadHubEntryDoesNotBlockTheTeam(t *testing.T) {
	a, b, sb, kv, cfg := teamOfTwo(t)
	acts, _ := a.Actors()
	evs, _ := a.Events(data.EventQuery{})
	kv.Put(bg, "r."+acts[0].ID, []byte("garbage, not sealed"))
	kv.Put(bg, "r."+evs[0].ID, team.Seal(sb, "r."+evs[0].ID, []byte(`{"record":"event","id":"`+evs[0].ID+`","body":"hello"}`)))
	addEvents(t, a, 3)
	sa := syncer(t, a, cfg)
	if _, err := sa.Push(bg); err != nil {
		t.Fatal(err)
	}
	ex := once(t, sb) // b holds both records: it gives them back to the hub
	if ex.Pulled.Added != 3 || ex.Pulled.SetAside != 2 {
		t.Fatalf("b after the bad values: %s", team.Line(ex.Pulled))
	}
	aside, _ := b.SetAside()
	if len(aside) != 2 || !strings.Contains(aside[0].Reason, "does not open with the team key") || !strings.Contains(aside[1].Reason, "not one Dossier writes") {
		t.Fatalf("b set aside %+v", aside)
	}
	addEvents(t, a, 2)
	once(t, sa)
	if ex := once(t, sb); ex.Pulled.Added != 2 {
		t.Fatalf("b's next exchange: %s", team.Line(ex.Pulled))
	}
	c := analystDB(t, "Analyst C")
	once(t, syncer(t, c, cfg))
	if countsOf(c) != countsOf(a) {
		t.Fatalf("a new member holds %+v, a %+v", countsOf(c), countsOf(a))
	}
}

// 4. Key parameters crafted on the hub or in a bundle header (no rounds,
// no threads, 4 TiB of memory, 4 billion rounds) are refused with a
// sentence at once: no panic, no exhausted memory, no endless
// derivation.
func TestFaultCraftedKeyParameters(t *testing.T) {
	srv, _ := startHub(t)
	cfg := sealedTeam(srv)
	a := codedAnalyst(t, cfg, "Analyst A")
	kv := hubKV(t, srv)
	e, _ := kv.Get(bg, "meta.kdf")
	var kdf map[string]any
	json.Unmarshal(e.Value(), &kdf)
	var bundle bytes.Buffer
	team.ExportBundle(a, &bundle, "", mustKDF(t, cfg.Passphrase))
	for _, bad := range []map[string]any{{"time": 0}, {"threads": 0}, {"memory_kib": 1<<32 - 1}, {"time": 1<<32 - 1}} {
		crafted := map[string]any{}
		for k, v := range kdf {
			crafted[k] = v
		}
		for k, v := range bad {
			crafted[k] = v
		}
		raw, _ := json.Marshal(crafted)
		kv.Put(bg, "meta.kdf", raw)
		start := time.Now()
		_, err := team.Connect(bg, a, cfg)
		if err == nil || !strings.Contains(data.ErrorMessage(err), "not those team desk had when this database joined") {
			t.Fatalf("%v on the hub, a member who joined before: %v", bad, err)
		}
		_, err = team.Connect(bg, analystDB(t, "New"), cfg)
		if err == nil || !strings.Contains(data.ErrorMessage(err), "not ones Dossier makes or accepts") {
			t.Fatalf("%v on the hub, a new member: %v", bad, err)
		}
		_, err = team.ReadBundle(bytes.NewReader(craftHeader(t, bundle.Bytes(), bad)), cfg.Passphrase)
		if err == nil || !strings.Contains(data.ErrorMessage(err), "damaged or was altered") && !strings.Contains(data.ErrorMessage(err), "not ones Dossier makes") {
			t.Fatalf("%v in a bundle header: %v", bad, err)
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Fatalf("%v took %s to refuse", bad, d)
		}
	}
}

func mustKDF(t *testing.T, pass []byte) *team.Key {
	k, err := team.NewKDF(pass)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// craftHeader rewrites the team parameters in a bundle's header, as anyone
// can without the passphrase.
func craftHeader(t *testing.T, raw []byte, bad map[string]any) []byte {
	t.Helper()
	first := bytes.IndexByte(raw, '\n') + 1
	end := first + bytes.IndexByte(raw[first:], '\n')
	var h map[string]any
	json.Unmarshal(raw[first:end], &h)
	for k, v := range bad {
		h["team"].(map[string]any)[k] = v
	}
	head, _ := json.Marshal(h)
	return append(append(append([]byte{}, raw[:first]...), head...), raw[end:]...)
}

// 5. The key parameters removed from the hub are never a reason to send
// in the clear: a member who joined sealed is refused with a sentence, a
// new member with the passphrase too, and the hub's files never hold an
// actor's name or the analyst's.
func TestFaultRemovedKeyIsNoDowngrade(t *testing.T) {
	srv, store := startHub(t)
	cfg := sealedTeam(srv)
	a := codedAnalyst(t, cfg, "Analyst A")
	kv := hubKV(t, srv)
	if err := kv.Delete(bg, "meta.kdf"); err != nil {
		t.Fatal(err)
	}
	_, err := team.Connect(bg, a, cfg)
	if err == nil || !strings.Contains(data.ErrorMessage(err), "never sends a sealed team's changes in the clear") {
		t.Fatalf("a member who joined sealed: %v", err)
	}
	plain := cfg
	plain.Passphrase = nil
	_, err = team.Connect(bg, a, plain)
	if err == nil || !strings.Contains(data.ErrorMessage(err), "missing from the hub") {
		t.Fatalf("the same member without the passphrase: %v", err)
	}
	_, err = team.Connect(bg, analystDB(t, "New"), cfg)
	if err == nil || strings.Contains(data.ErrorMessage(err), "without --team-passphrase-file") || !strings.Contains(data.ErrorMessage(err), "Nothing was sent") {
		t.Fatalf("a new member with the passphrase: %v", err)
	}
	addEvents(t, a, 1)
	srv.Shutdown() // the hub's files, written out
	walkFiles(t, store, func(path string, b []byte) {
		for _, clear := range []string{"Shoigu", "Analyst A", "later a"} {
			if bytes.Contains(b, []byte(clear)) {
				t.Fatalf("%s holds %q in the clear", path, clear)
			}
		}
	})
}

// 6. An older sealed value put back on the hub rolls nothing back: the
// members holding the newer version refuse it as older, give the hub
// theirs again, and a new member receives the newest.
func TestFaultReplayedValueIsRepaired(t *testing.T) {
	a, b, sb, kv, cfg := teamOfTwo(t)
	acts, _ := a.Actors()
	act := acts[0]
	old, err := kv.Get(bg, "r."+act.ID)
	if err != nil {
		t.Fatal(err)
	}
	act.Name = "Sergei K. Shoigu"
	a.PutActor(bg, &act)
	once(t, syncer(t, a, cfg))
	once(t, sb)
	kv.Put(bg, "r."+act.ID, old.Value()) // replayed
	if ex := once(t, sb); len(ex.Pulled.Behind) != 1 || ex.Pushed != 1 {
		t.Fatalf("b met the replayed value: %+v, pushed %d", ex.Pulled, ex.Pushed)
	}
	if got, _ := b.Actor(act.ID); got.Name != "Sergei K. Shoigu" {
		t.Fatalf("b rolled back to %q", got.Name)
	}
	c := analystDB(t, "Analyst C")
	once(t, syncer(t, c, cfg))
	if got, _ := c.Actor(act.ID); got == nil || got.Name != "Sergei K. Shoigu" {
		t.Fatalf("a new member received %+v", got)
	}
}

// forger is a colleague with a signing key of their own (and, through
// the hub, the team passphrase): what they sign is theirs, attributable.
func forger(t *testing.T) (ed25519.PrivateKey, string) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	return priv, data.AnalystIDFor(pub)
}

// signed is a version of a record by the forger.
func signed(t *testing.T, priv ed25519.PrivateKey, by string, kind data.RecordKind, id string, body any) data.Version {
	t.Helper()
	raw, _ := json.Marshal(body)
	v := data.Version{Record: kind, ID: id, Rev: data.Rev{N: 1, By: by}, Body: raw}
	if err := v.Sign(priv); err != nil {
		t.Fatal(err)
	}
	return v
}

// 7. Records that arrive (in a bundle, from the hub) pass the checks a
// local write passes, each on its own: a bad one is set aside with its
// reason, the good ones beside it go in, and nothing invalid reaches an
// export.
func TestFaultInvalidRecordsAreSetAside(t *testing.T) {
	a := analystDB(t, "Analyst A")
	art, _ := app.NewSession(a, "a").LoadSample()
	acts, _ := a.Actors()
	priv, by := forger(t)
	ev := func(e map[string]any) map[string]any {
		base := map[string]any{"type": "CONSULT", "article": art, "actors": []string{acts[0].ID}, "date": map[string]any{"start": "2025-02-28"}}
		for k, v := range e {
			base[k] = v
		}
		return base
	}
	bad := map[string]map[string]any{
		"Unknown event type":    ev(map[string]any{"type": "BOGUS"}),
		"Unknown CAMEO code":    ev(map[string]any{"cameo": "999"}),
		"date is wrong":         ev(map[string]any{"date": map[string]any{"start": "2025-13-45"}}),
		"before the start date": ev(map[string]any{"date": map[string]any{"start": "2025-03-02", "end": "2025-03-01"}}),
	}
	var vs []data.Version
	for _, body := range bad {
		vs = append(vs, signed(t, priv, by, data.RecordEvent, data.NewID(data.EventPrefix), body))
	}
	vs = append(vs,
		signed(t, priv, by, data.RecordEvent, data.ArticleID("another text"), ev(nil)), // an event under an article's id
		signed(t, priv, by, data.RecordEvent, data.NewID(data.EventPrefix), ev(map[string]any{"actors": []string{data.NewID(data.ActorPrefix)}})),
		signed(t, priv, by, data.RecordEvent, data.NewID(data.EventPrefix), ev(map[string]any{"notes": "a good one"})))
	var buf bytes.Buffer
	if err := team.WriteBundle(&buf, priv, vs, nil); err != nil {
		t.Fatal(err)
	}
	b, err := team.ReadBundle(&buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	before := countsOf(a)
	dry, _ := team.ImportBundle(bg, a, b, true)
	rep, err := team.ImportBundle(bg, a, b, false)
	if err != nil || rep.Added != 1 || rep.SetAside != 5 || rep.Waiting != 1 {
		t.Fatalf("the bundle: %s, %v", team.Line(rep), err)
	}
	if team.Line(dry) != team.Line(rep) {
		t.Fatalf("the dry run said %s, the import %s", team.Line(dry), team.Line(rep))
	}
	aside, _ := a.SetAside()
	var reasons []string
	for _, s := range aside {
		reasons = append(reasons, s.Reason)
	}
	all := strings.Join(reasons, "\n")
	for fragment := range bad {
		if !strings.Contains(all, fragment) {
			t.Fatalf("no reason says %q:\n%s", fragment, all)
		}
	}
	if !strings.Contains(all, "not the id of an event") || !strings.Contains(all, "has not arrived") {
		t.Fatalf("the reasons:\n%s", all)
	}
	if after := countsOf(a); after.Events != before.Events+1 {
		t.Fatalf("%d events stored, %d before", after.Events, before.Events)
	}
	if rep, _ := a.Check(); len(rep.Problems) != 0 {
		t.Fatalf("check found %q", rep.Problems)
	}
}

// 8. A bundle's content changed and signed again by someone else: the
// renamed actor does not verify as its author's and is set aside; the
// import names who signed the bundle. Changed and not signed again, it is
// refused whole.
func TestFaultForgedBundleIsRefused(t *testing.T) {
	a, b := analystDB(t, "Analyst A"), analystDB(t, "Analyst B")
	app.NewSession(a, "a").LoadSample()
	var vs []data.Version
	a.Changed(0, func(v data.Version) error { vs = append(vs, v); return nil })
	for i, v := range vs {
		if v.Record == data.RecordActor {
			var body map[string]any
			json.Unmarshal(v.Body, &body)
			body["name"] = "Someone Else"
			vs[i].Body, _ = json.Marshal(body)
			break
		}
	}
	priv, _ := forger(t)
	var buf bytes.Buffer
	team.WriteBundle(&buf, priv, vs, nil)
	raw := buf.Bytes()
	bundle, err := team.ReadBundle(bytes.NewReader(raw), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bundle.Close()
	if about := team.About(b, bundle); !strings.Contains(about, data.AnalystIDFor(priv.Public().(ed25519.PublicKey))) {
		t.Fatalf("the import says %q", about)
	}
	rep, _ := team.ImportBundle(bg, b, bundle, false)
	if rep.SetAside != 1 || rep.Waiting != 3 || rep.Added != 7 { // the events citing the actor wait for the real one
		t.Fatalf("the forged bundle: %s", team.Line(rep))
	}
	acts, _ := b.Actors()
	for _, act := range acts {
		if act.Name == "Someone Else" {
			t.Fatal("the renamed actor was taken")
		}
	}
	aside, _ := b.SetAside()
	var refused []data.SetAside
	for _, s := range aside {
		if len(s.Waiting) == 0 {
			refused = append(refused, s)
		}
	}
	if len(refused) != 1 || !strings.Contains(refused[0].Reason, "signature does not match") {
		t.Fatalf("set aside: %+v", aside)
	}
	raw[len(raw)/2] ^= 1
	if _, err := team.ReadBundle(bytes.NewReader(raw), nil); err == nil || !strings.Contains(data.ErrorMessage(err), "damaged or was altered") {
		t.Fatalf("changed after signing: %v", err)
	}
}

// 9. A bundle that unpacks to gigabytes (one endless line, or many lines
// as long as a record may be) is read in bounded memory: the process's
// peak of memory of its own (its anonymous resident memory, sampled; the
// database's files mapped in memory are the system's cache, not the
// process's) stays under 500 MB, whether the bundle is refused or merged.
func TestFaultBundleBombIsBounded(t *testing.T) {
	if os.Getenv("DOSSIER_BOMB") != "" {
		importBomb(t, os.Getenv("DOSSIER_BOMB"))
		return
	}
	if os.Getenv("DOSSIER_FAULTS") == "" {
		t.Skip("skipped: unpacking bombs takes a minute; make faults runs it")
	}
	if runtime.GOOS != "linux" {
		t.Skip("skipped: the peak memory of a process is read on Linux")
	}
	priv, by := forger(t)
	dir := storetest.TempDir(t)
	if d := os.Getenv("DOSSIER_KEEP"); d != "" {
		dir = d
	}
	bombs := map[string]func(io.Writer) error{
		"endless line": func(w io.Writer) error {
			chunk := bytes.Repeat([]byte("a"), 1<<20)
			for range 1 << 10 { // 1 GiB without a line break
				if _, err := w.Write(chunk); err != nil {
					return err
				}
			}
			return nil
		},
		"long lines": func(w io.Writer) error {
			notes := strings.Repeat("n", 15<<20) // within what one record may be
			for range 12 {
				v := signed(t, priv, by, data.RecordEvent, data.NewID(data.EventPrefix), map[string]any{"type": "CONSULT", "notes": notes})
				if err := json.NewEncoder(w).Encode(map[string]any{"version": v}); err != nil {
					return err
				}
			}
			return nil
		},
	}
	for name, body := range bombs {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".bundle")
		f, _ := os.Create(path)
		if err := team.WriteRawBundle(f, priv, body); err != nil {
			t.Fatal(err)
		}
		fi, _ := f.Stat()
		f.Close()
		cmd := exec.Command(os.Args[0], "-test.run=^TestFaultBundleBombIsBounded$", "-test.v")
		cmd.Env = append(os.Environ(), "DOSSIER_BOMB="+path)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		peak, err := storetest.PeakMemory(cmd)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out.Bytes())
		}
		t.Logf("%s: a %d KB bundle, peak %d MB of its own (%d MB resident with mapped files): %s", name, fi.Size()>>10, peak.Anon>>20, peak.Resident>>20, bytes.TrimSpace(lastLine(out.Bytes())))
		if peak.Anon > 500<<20 {
			t.Fatalf("%s: the import's peak was %d MB", name, peak.Anon>>20)
		}
	}
}

// importBomb reads and imports a bundle into a new database, as the
// command line would, and says what happened.
func importBomb(t *testing.T, path string) {
	st := analystDB(t, "Analyst B")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := team.ReadBundle(f, nil)
	if err != nil {
		t.Logf("outcome: %s", data.ErrorMessage(err))
		return
	}
	defer b.Close()
	rep, err := team.ImportBundle(bg, st, b, false)
	t.Logf("outcome: %s %v", team.Line(rep), err)
}

func lastLine(out []byte) []byte {
	for _, l := range bytes.Split(out, []byte("\n")) {
		if bytes.Contains(l, []byte("outcome:")) {
			return l
		}
	}
	return nil
}
