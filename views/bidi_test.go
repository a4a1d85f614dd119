package views

import (
	"strings"
	"testing"
)

// TestVisualOrder: words of right-to-left lines are placed from the right,
// numbers and Latin names keep their own order inside them.
func TestVisualOrder(t *testing.T) {
	for _, c := range []struct {
		line, want string // want: the words from left to right on screen
	}{
		{"التقى الوزير بالوفد", "بالوفد الوزير التقى"},
		{"قالت وكالة Reuters News يوم 2 مارس", "مارس 2 يوم Reuters News وكالة قالت"},
		{"The minister met الوزير الأول today", "The minister met الأول الوزير today"},
		{"وصل - Ankara - أمس", "أمس - Ankara - وصل"},
	} {
		words := strings.Fields(c.line)
		dirs := make([]direction, len(words))
		for i, w := range words {
			dirs[i] = directionOf([]rune(w))
		}
		order := visualOrder(dirs, paragraphDirection([]rune(c.line)) == rightToLeft)
		var got []string
		for _, i := range order {
			got = append(got, words[i])
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q laid out as %q, want %q", c.line, strings.Join(got, " "), c.want)
		}
	}
}
