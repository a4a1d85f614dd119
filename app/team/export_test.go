package team

import "dossier/data"

// What the tests (package team_test, which may import package app) reach
// inside.

// BundleMagic is a bundle's first line.
const BundleMagic = bundleMagic

// HubValues are the keys and sealed values of every record a syncer's
// database would push, as the hub would store them.
func HubValues(s *Syncer) (keys []string, values [][]byte, err error) {
	_, err = s.rep.Changed(0, func(v data.Version) error {
		k := recordKey(v.ID)
		val, err := s.seal(k, v)
		keys, values = append(keys, k), append(values, val)
		return err
	})
	return
}
