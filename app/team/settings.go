package team

import (
	"encoding/json"
)

// The hub settings are remembered with the database: where the hub is, who
// the analyst is there, which team. Its password and the team passphrase
// are remembered only in an encrypted database, where nothing is readable
// without the database's own passphrase; else they are asked again.
const (
	settingsMark = "hub.settings"
	secretsMark  = "hub.secrets"
)

type secrets struct {
	Password   string `json:"password,omitempty"`
	Passphrase []byte `json:"passphrase,omitempty"`
}

// marks are what keeping settings and where a bundle stopped needs of a
// database: its marks, and whether it is encrypted (secrets are kept only
// in one that is).
type marks interface {
	Mark(key string) (string, error)
	SetMark(key, value string) error
	Encrypted() bool
}

// Remember keeps a hub's settings with the database.
func Remember(st marks, cfg HubConfig) error {
	b, _ := json.Marshal(cfg)
	if err := st.SetMark(settingsMark, string(b)); err != nil {
		return err
	}
	if !st.Encrypted() {
		return nil
	}
	s, _ := json.Marshal(secrets{cfg.Password, cfg.Passphrase})
	return st.SetMark(secretsMark, string(s))
}

// Remembered is the hub settings kept with the database (empty when none).
func Remembered(st marks) (HubConfig, error) {
	var cfg HubConfig
	b, err := st.Mark(settingsMark)
	if err != nil || b == "" {
		return cfg, err
	}
	if err := json.Unmarshal([]byte(b), &cfg); err != nil {
		return HubConfig{}, err
	}
	if st.Encrypted() {
		var s secrets
		if raw, _ := st.Mark(secretsMark); raw != "" && json.Unmarshal([]byte(raw), &s) == nil {
			cfg.Password, cfg.Passphrase = s.Password, s.Passphrase
		}
	}
	return cfg, nil
}
