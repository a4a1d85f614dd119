package app

import (
	"fmt"
	"testing"
	"time"
)

// A long session keeps its latest steps to undo, not every step it ever
// made.
func TestHistoryKeepsTheLatestSteps(t *testing.T) {
	var h history
	for i := range maxSteps + 10 {
		h.push(change{label: fmt.Sprint(i), id: fmt.Sprint(i), at: time.Now()})
	}
	if len(h.undo) != maxSteps || h.undo[len(h.undo)-1].label != fmt.Sprint(maxSteps+9) || h.undo[0].label != "10" {
		t.Fatalf("%d steps kept, from %q to %q", len(h.undo), h.undo[0].label, h.undo[len(h.undo)-1].label)
	}
}
