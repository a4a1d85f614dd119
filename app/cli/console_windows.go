package cli

import (
	"os"
	"syscall"
)

// AttachConsole lets the Windows build, a GUI program, print to the
// console it was started from (cmd, PowerShell): it attaches to the
// parent's console and points standard input, output and error at it,
// unless they were redirected (to a file or a pipe), which are kept.
func AttachConsole() {
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	const parentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS
	if r, _, _ := attach.Call(parentProcess); r == 0 {
		return // started from Explorer: no console, nothing to print to
	}
	for _, s := range []struct {
		f    **os.File
		name string
		flag int
	}{{&os.Stdin, "CONIN$", os.O_RDWR}, {&os.Stdout, "CONOUT$", os.O_RDWR}, {&os.Stderr, "CONOUT$", os.O_RDWR}} {
		if redirected(*s.f) {
			continue
		}
		if f, err := os.OpenFile(s.name, s.flag, 0); err == nil {
			*s.f = f
		}
	}
}

// redirected reports whether a standard handle leads somewhere already.
func redirected(f *os.File) bool {
	if f == nil {
		return false
	}
	h := syscall.Handle(f.Fd())
	if h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != 0 // FILE_TYPE_UNKNOWN: no handle worth keeping
}
