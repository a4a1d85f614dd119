//go:build unix

package badgerstore

import (
	"os"
	"strings"
)

// systemMachineID names this computer: the system's machine id where it has one
// (systemd's, D-Bus's), else its host name.
func systemMachineID() string {
	for _, p := range []string{"/etc/machine-id", "/var/lib/dbus/machine-id"} {
		if b, err := os.ReadFile(p); err == nil && strings.TrimSpace(string(b)) != "" {
			return strings.TrimSpace(string(b))
		}
	}
	h, _ := os.Hostname()
	return h
}
