package views

import (
	"golang.org/x/text/unicode/bidi"
)

// Right-to-left text in the reader. Arabic, Persian, Urdu and Hebrew
// paragraphs are laid out from the right, word by word, in the order of
// the Unicode bidirectional algorithm (UAX #9) applied to whole words:
// each word takes the direction of its first strong letter (its bidi class
// from golang.org/x/text/unicode/bidi), numbers run left to right, marks
// between words go with their neighbours, and runs are reversed level by
// level (rule L2). The letters inside a word are shaped and ordered by
// Fyne's text renderer. Offsets stay logical: only positions on screen
// change, so selections and highlights keep meaning the same text.

// direction is a word's (or paragraph's) reading direction.
type direction int8

const (
	neutral direction = iota
	leftToRight
	rightToLeft
	number // digits: left to right inside any line
)

// directionOf is the direction of the first strong character in rs, or
// number when digits come before any letter.
func directionOf(rs []rune) direction {
	d, digits := firstStrong(rs)
	if d == neutral && digits {
		return number
	}
	return d
}

// paragraphDirection is right to left when the first strong letter is
// (rules P2 and P3).
func paragraphDirection(rs []rune) direction {
	if d, _ := firstStrong(rs); d == rightToLeft {
		return rightToLeft
	}
	return leftToRight
}

// firstStrong is the direction of the first letter with one (neutral when
// none), and whether digits come before it.
func firstStrong(rs []rune) (d direction, digits bool) {
	for _, r := range rs {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return leftToRight, digits
		case bidi.R, bidi.AL:
			return rightToLeft, digits
		case bidi.EN, bidi.AN:
			digits = true
		}
	}
	return neutral, digits
}

// visualOrder returns the indexes of a line's words (given in reading
// order with their directions) from left to right on screen.
func visualOrder(dirs []direction, rtl bool) []int {
	base := 0
	if rtl {
		base = 1
	}
	levels := make([]int, len(dirs))
	for i, d := range dirs {
		levels[i] = wordLevel(d, base)
	}
	for i, d := range dirs { // marks take their neighbours' level when both agree
		if d == neutral {
			if before, after := neighbourLevel(dirs, levels, i, -1), neighbourLevel(dirs, levels, i, 1); before == after && before >= 0 {
				levels[i] = before
			}
		}
	}
	order := make([]int, len(dirs))
	top := 0
	for i := range order {
		order[i] = i
		top = max(top, levels[i])
	}
	for lev := top; lev >= 1; lev-- { // rule L2
		for i := 0; i < len(order); {
			if levels[order[i]] < lev {
				i++
				continue
			}
			j := i
			for j < len(order) && levels[order[j]] >= lev {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}

// wordLevel is a word's embedding level in a paragraph of base level base.
func wordLevel(d direction, base int) int {
	switch {
	case d == rightToLeft:
		return 1
	case (d == leftToRight || d == number) && base == 1:
		return 2
	}
	return base
}

// neighbourLevel is the level of the nearest word that is not neutral, in
// direction step from i (-1: none).
func neighbourLevel(dirs []direction, levels []int, i, step int) int {
	for j := i + step; j >= 0 && j < len(dirs); j += step {
		if dirs[j] != neutral {
			return levels[j]
		}
	}
	return -1
}
