//go:build !unix && !windows

package badgerstore

import "os"

// machineID names this computer by its host name.
func machineID() string {
	h, _ := os.Hostname()
	return h
}
