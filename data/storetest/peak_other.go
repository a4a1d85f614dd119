//go:build !linux

package storetest

import (
	"errors"
	"os/exec"
)

// Peak is a process's peak memory (measured on Linux only).
type Peak struct{ Anon, Resident int64 }

// PeakMemory runs cmd to its end; the peak is measured on Linux only.
func PeakMemory(cmd *exec.Cmd) (Peak, error) {
	if err := cmd.Run(); err != nil {
		return Peak{}, err
	}
	return Peak{}, errors.New("peak memory is measured on Linux only")
}
