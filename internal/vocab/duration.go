package vocab

import (
	"regexp"
	"strconv"
)

// durationRE accepts ISO 8601 durations in whole years, months, weeks and
// days; hours and below make no sense for keeping records.
var durationRE = regexp.MustCompile(`^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$`)

// Duration is a parsed ISO 8601 duration.
type Duration struct{ Years, Months, Weeks, Days int }

// ParseDuration parses "P1Y6M", "P12W" and the like.
func ParseDuration(iso string) (Duration, bool) {
	m := durationRE.FindStringSubmatch(iso)
	if m == nil || iso == "P" {
		return Duration{}, false
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	return Duration{n(m[1]), n(m[2]), n(m[3]), n(m[4])}, true
}

// ApproxDays is the duration in days (a year 365, a month 30), to tell a
// longer period from a shorter one.
func (d Duration) ApproxDays() int { return d.Years*365 + d.Months*30 + d.Weeks*7 + d.Days }
