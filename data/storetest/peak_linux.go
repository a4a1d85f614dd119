package storetest

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Peak is a process's peak memory: Anon, its own (anonymous resident
// memory, sampled every 20 ms while it ran), and Resident, all it had in
// memory (with the files it mapped), as the kernel counted it.
type Peak struct{ Anon, Resident int64 }

// PeakMemory runs cmd to its end and measures its peak memory.
func PeakMemory(cmd *exec.Cmd) (Peak, error) {
	var p Peak
	if err := cmd.Start(); err != nil {
		return p, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			if cmd.ProcessState != nil {
				p.Resident = cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10
			}
			return p, err
		case <-tick.C:
			p.Anon = max(p.Anon, anonMemory(cmd.Process.Pid))
		}
	}
}

// anonMemory is a process's anonymous resident memory now, in bytes.
func anonMemory(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "RssAnon:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
