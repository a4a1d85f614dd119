package team_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"dossier/app"
	"dossier/app/team"
	"dossier/data"

	"dossier/data/storetest"
)

// hubConfig is a minimal hub for two teams, as the README shows it: one
// account per team, JetStream on, users with passwords.
const hubConfig = `
listen: 127.0.0.1:-1
jetstream { store_dir: %q }
accounts {
  desk:  { jetstream: enabled, users: [ { user: alice, password: alice-pw }, { user: bob, password: bob-pw } ] }
  other: { jetstream: enabled, users: [ { user: eve, password: eve-pw } ] }
}
%s
`

// startConfiguredHub starts a hub from configuration text.
func startConfiguredHub(t *testing.T, extra string) (*server.Server, string) {
	t.Helper()
	dir := storetest.TempDir(t)
	conf := filepath.Join(dir, "hub.conf")
	store := filepath.Join(dir, "jetstream")
	os.WriteFile(conf, []byte(fmt.Sprintf(hubConfig, store, extra)), 0o600)
	opts, err := server.ProcessConfigFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	opts.NoLog, opts.NoSigs = true, true
	return startHub(t, func(o *server.Options) { *o = *opts })
}

// Only a team's users reach its changes: a wrong password is refused with
// a sentence, and a user of another team cannot read the team's bucket.
func TestOnlyTheTeamReadsItsChanges(t *testing.T) {
	srv, _ := startConfiguredHub(t, "")
	alice := team.HubConfig{Server: srv.ClientURL(), Team: "desk", User: "alice", Password: "alice-pw", Passphrase: []byte("team secret")}
	a := analystDB(t, "Analyst A")
	app.NewSession(a, "a").LoadSample()
	once(t, syncer(t, a, alice))

	wrong := alice
	wrong.Password = "guess"
	_, err := team.Connect(bg, analystDB(t, "Intruder"), wrong)
	if err == nil || !strings.Contains(data.ErrorMessage(err), "The team hub refused these credentials") {
		t.Fatalf("a wrong password: %v", err)
	}
	eve := team.HubConfig{Server: srv.ClientURL(), Team: "desk", User: "eve", Password: "eve-pw", Passphrase: []byte("team secret")}
	e := analystDB(t, "Eve")
	if s, err := team.Connect(bg, e, eve); err == nil { // eve's account has its own, empty bucket
		ex, _ := s.Once(bg)
		s.Close()
		if ex.Pulled.Added != 0 {
			t.Fatalf("a user of another team read %d records", ex.Pulled.Added)
		}
	}
	if n, _ := e.Counts(); n != (data.Counts{}) {
		t.Fatalf("another team's user holds %+v", n)
	}
	bob := alice
	bob.User, bob.Password, bob.Passphrase = "bob", "bob-pw", []byte("not the team's")
	if _, err := team.Connect(bg, analystDB(t, "Bob"), bob); err == nil || !strings.Contains(data.ErrorMessage(err), "team passphrase is wrong") {
		t.Fatalf("a wrong team passphrase: %v", err)
	}
}

// Over TLS, the hub is trusted only with its CA certificate.
func TestHubOverTLS(t *testing.T) {
	dir := storetest.TempDir(t)
	ca, cert, key := selfSignedTLS(t, dir)
	srv, _ := startConfiguredHub(t, fmt.Sprintf("tls { cert_file: %q, key_file: %q }", cert, key))
	url := strings.Replace(srv.ClientURL(), "nats://", "tls://", 1)
	cfg := team.HubConfig{Server: url, Team: "desk", User: "alice", Password: "alice-pw"}
	_, err := team.Connect(bg, analystDB(t, "A"), cfg)
	if err == nil || !strings.Contains(data.ErrorMessage(err), "could not be trusted over TLS") {
		t.Fatalf("without the CA: %v", err)
	}
	cfg.CA = ca
	a := analystDB(t, "A")
	app.NewSession(a, "a").LoadSample()
	if ex := once(t, syncer(t, a, cfg)); ex.Pushed == 0 {
		t.Fatal("nothing was pushed over TLS")
	}
}

// selfSignedTLS writes a CA certificate and a server certificate for
// 127.0.0.1 signed by it.
func selfSignedTLS(t *testing.T, dir string) (caFile, certFile, keyFile string) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Dossier test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	srvKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	srvTmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "hub"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, KeyUsage: x509.KeyUsageDigitalSignature}
	srvDER, err := x509.CreateCertificate(rand.Reader, srvTmpl, caCert, &srvKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalECPrivateKey(srvKey)
	caFile, certFile, keyFile = filepath.Join(dir, "ca.pem"), filepath.Join(dir, "hub.pem"), filepath.Join(dir, "hub-key.pem")
	os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o600)
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srvDER}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600)
	return
}

// The hub configuration the README shows (assets/hub.conf) works as said:
// its users reach their team's changes, a wrong password is refused.
func TestTheShippedHubConfiguration(t *testing.T) {
	opts, err := server.ProcessConfigFile(filepath.Join("..", "..", "assets", "hub.conf"))
	if err != nil {
		t.Fatal(err)
	}
	opts.Port, opts.StoreDir, opts.NoLog, opts.NoSigs = -1, storetest.TempDir(t), true, true
	srv, _ := startHub(t, func(o *server.Options) { *o = *opts })
	nadia := team.HubConfig{Server: srv.ClientURL(), Team: "desk", User: "nadia", Password: "change-me-nadia"}
	a := analystDB(t, "Nadia")
	app.NewSession(a, "a").LoadSample()
	if ex := once(t, syncer(t, a, nadia)); ex.Pushed == 0 {
		t.Fatal("nadia pushed nothing")
	}
	tomas := nadia
	tomas.User, tomas.Password = "tomas", "change-me-tomas"
	if ex := once(t, syncer(t, analystDB(t, "Tomás"), tomas)); ex.Pulled.Added == 0 {
		t.Fatal("tomas received nothing")
	}
	tomas.Password = "wrong"
	if _, err := team.Connect(bg, analystDB(t, "x"), tomas); err == nil {
		t.Fatal("a wrong password was let in")
	}
}
