package app

import (
	"context"
	"encoding/json"
	"io"
	"os"

	"dossier/app/safefile"
	"dossier/app/team"
	"dossier/data"
)

// Dismiss forgets one thing set aside.
func (s *Session) Dismiss(id string) error { return s.st.Dismiss(id) }

// Settle resolves a conflict with the body chosen (nil deletes): it
// becomes a new version that travels like any edit.
func (s *Session) Settle(id string, body json.RawMessage) error {
	return s.st.Resolve(s.ctx(s.origin), id, body)
}

// ExportBundle writes this database's changes to path (sealed with the
// team passphrase when given), whole or not at all.
func (s *Session) ExportBundle(path string, since team.Since, passphrase []byte) (team.BundleResult, error) {
	var key *team.Key
	if len(passphrase) > 0 {
		var err error
		if key, err = team.NewKDF(passphrase); err != nil {
			return team.BundleResult{}, err
		}
	}
	var res team.BundleResult
	err := safefile.Write(path, true, func(w io.Writer) error {
		var err error
		res, err = team.ExportBundle(s.st, w, since, key)
		return err
	})
	if err == nil {
		err = team.MarkExported(s.st, res)
	}
	return res, err
}

// AboutBundle says whose changes a bundle holds, and from when.
func (s *Session) AboutBundle(b *team.Bundle) string { return team.About(s.st, b) }

// ReadBundle reads and checks a colleague's bundle.
func (s *Session) ReadBundle(path string, passphrase []byte) (*team.Bundle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, data.Errorf(data.EInvalid, "Cannot read the bundle %s: %v", path, err)
	}
	defer f.Close()
	return team.ReadBundle(f, passphrase)
}

// ImportBundle merges a bundle read with ReadBundle (dryRun: says what
// it would do).
func (s *Session) ImportBundle(b *team.Bundle, dryRun bool) (data.MergeReport, error) {
	return team.ImportBundle(context.Background(), s.st, b, dryRun)
}

// ConnectHub reaches the team hub and remembers its settings.
func (s *Session) ConnectHub(ctx context.Context, cfg team.HubConfig) (*team.Syncer, error) {
	sy, err := team.Connect(ctx, s.st, cfg)
	if err == nil {
		team.Remember(s.st, cfg)
	}
	return sy, err
}

// HubSettings are the hub settings remembered with the database.
func (s *Session) HubSettings() team.HubConfig {
	cfg, _ := team.Remembered(s.st)
	return cfg
}
