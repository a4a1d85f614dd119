//go:build !unix && !windows

package badgerstore

import "os"

// systemMachineID names this computer by its host name.
func systemMachineID() string {
	h, _ := os.Hostname()
	return h
}
