package suggest

import "strings"

// regions are the world's regions news name as places, with a point near
// their middle; an event placed in one is placed at region precision.
var regions = map[string][2]float64{
	"Middle East": {29.0, 41.0}, "Near East": {33.0, 38.0}, "Levant": {34.0, 36.5}, "Gulf": {26.5, 51.5},
	"Persian Gulf": {26.5, 51.5}, "Arabian Peninsula": {23.0, 46.0}, "Central Asia": {45.0, 68.0},
	"South Asia": {22.0, 78.0}, "Southeast Asia": {5.0, 110.0}, "East Asia": {35.0, 115.0}, "Asia": {34.0, 100.0},
	"Europe": {54.5, 15.3}, "Eastern Europe": {50.0, 30.0}, "Western Europe": {48.0, 5.0}, "Balkans": {43.0, 21.0},
	"Caucasus": {42.0, 45.0}, "Africa": {1.6, 17.3}, "North Africa": {28.0, 10.0}, "Sub-Saharan Africa": {-2.0, 22.0},
	"Horn of Africa": {8.0, 45.0}, "Sahel": {15.0, 5.0}, "Maghreb": {31.0, 3.0}, "Americas": {10.0, -80.0},
	"Latin America": {-10.0, -65.0}, "Caribbean": {18.0, -72.0}, "Arctic": {75.0, 0.0}, "Kurdistan Region": {36.2, 44.0}, "Northern Ireland": {54.6, -6.7},
}

// regionNames finds regions by name, "the Middle East" with its article.
func regionNames(d *document, c *claims) {
	for i := 0; i < len(d.words); i++ {
		for n := 3; n >= 1; n-- {
			last := i + n - 1
			if last >= len(d.words) || !c.free(i, last) {
				continue
			}
			name := d.slice(d.words[i].start, d.words[last].end)
			at, ok := regions[name]
			if !ok || strings.ContainsAny(name, "\n,") {
				continue
			}
			first := i
			if i > 0 && d.words[i-1].text == "the" && sameStretch(d, i-1, i) && c.free(i-1, i-1) {
				first = i - 1
			}
			c.add(d, first, last, region(at))
			i = last
			break
		}
	}
}

func region(at [2]float64) Suggestion {
	lat, lon := at[0], at[1]
	return Suggestion{Kind: Location, Confidence: 0.8, Lat: &lat, Lon: &lon, PlaceID: "region"}
}
