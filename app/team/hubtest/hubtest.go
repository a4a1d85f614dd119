// Package hubtest starts a team hub (a NATS server with JetStream) inside
// a test's process, its data in a temporary folder, for the tests of team
// work at every level.
package hubtest

import (
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"dossier/data/storetest"
)

// Start runs a hub until the test ends; change, when given, adjusts its
// options (accounts, TLS). It returns the server and its data folder.
func Start(t testing.TB, change ...func(*server.Options)) (*server.Server, string) {
	t.Helper()
	opts := &server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: storetest.TempDir(t), NoLog: true, NoSigs: true}
	for _, c := range change {
		c(opts)
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("the hub did not start")
	}
	t.Cleanup(srv.Shutdown)
	return srv, opts.StoreDir
}
