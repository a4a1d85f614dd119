package badgerstore

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dossier/data"

	"dossier/data/storetest"
)

// smallFilesystem mounts a tmpfs of size bytes, or skips when it cannot.
func smallFilesystem(t *testing.T, size string) string {
	if os.Geteuid() != 0 {
		t.Skip("skipped: mounting a small filesystem needs root")
	}
	dir := storetest.TempDir(t)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("skipped: cannot mount a small filesystem here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// TestFaultDiskFull fills a small filesystem: the failing write says the disk is
// full, and every edit that succeeded before is still there after reopening.
func TestFaultDiskFull(t *testing.T) {
	dir := filepath.Join(smallFilesystem(t, "140m"), "db")
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("open on a small filesystem: %v", err)
	}
	res, _ := s.AddArticles(context.Background(), []*data.Article{{Title: "A", Text: "Words.", Hash: "a"}})
	var saved []string
	var failure error
	for i := 0; i < 2000 && failure == nil; i++ {
		var batch []*data.Event
		for j := range 100 {
			batch = append(batch, &data.Event{Type: "CONSULT", Article: res[0].ID, Notes: fmt.Sprintf("%d-%d %s", i, j, strings.Repeat("note ", 400))})
		}
		if failure = s.Commit(bg, &data.Batch{Events: batch}); failure == nil {
			for _, e := range batch {
				saved = append(saved, e.ID)
			}
		}
	}
	if failure == nil {
		t.Fatal("the filesystem never filled")
	}
	if msg := data.ErrorMessage(failure); data.ErrorCode(failure) != data.EDiskFull || !strings.Contains(msg, "disk holding the database is full") {
		t.Fatalf("the failure says %q", msg)
	}
	s.Close()
	s, err = Open(dir)
	if err != nil {
		t.Fatalf("reopen after the disk filled: %v", err)
	}
	defer s.Close()
	for _, id := range saved {
		if _, err := s.Event(id); err != nil {
			t.Fatalf("event %s saved before the disk filled is lost: %v", id, err)
		}
	}
	t.Logf("%d events saved before the disk filled; all there after reopening", len(saved))
}
