package validate

import (
	"regexp"
	"time"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/templates"
)

// country is a country code in a message: the code in English (as the
// editor types it), the country's name in Norwegian, as the pages say it
// ("en overføring til USA", not "til US").
type country string

func (c country) String() string { return string(c) }

func (c country) Localize(m *i18n.Messages) string {
	cat := pageCatalogs.Get(m.Lang)
	if cat == nil {
		return string(c)
	}
	return cat.TOr("country."+string(c), string(c))
}

// pageCatalogs are the embedded page catalogues, whose words (country
// names) a finding uses so that it says what the page says.
var pageCatalogs = i18n.Catalogs{FS: templates.FS}

// date is a date in a message: ISO (as the notice writes it) in English,
// "26. januar 2026" in Norwegian.
type date string

func (d date) String() string { return string(d) }

func (d date) Localize(m *i18n.Messages) string {
	cat := pageCatalogs.Get(m.Lang)
	if cat == nil {
		return string(d)
	}
	return cat.Date(string(d))
}

// decision is the Commission's adequacy decision in a message: its title
// as the Official Journal writes it in English, its Norwegian title
// ("Kommisjonens gjennomføringsbeslutning (EU) 2023/1795 om
// EU–USA-rammeverket for personvern") in Norwegian.
type decision string

var decisionRE = regexp.MustCompile(`^Commission (Implementing )?Decision ((?:\(EU\) )?\d{4}/\d+(?:/E[CU])?)( \(EU-U\.S\. Data Privacy Framework\))?(?:, renewed on (\d{1,2} \w+ \d{4}) until (\d{1,2} \w+ \d{4}))?$`)

func (d decision) String() string { return string(d) }

func (d decision) Localize(m *i18n.Messages) string {
	s := decisionRE.FindStringSubmatch(string(d))
	if s == nil {
		return string(d)
	}
	var t Text
	if s[1] != "" {
		t = tr("Commission Implementing Decision %s", s[2])
	} else {
		t = tr("Commission Decision %s", s[2])
	}
	if s[3] != "" {
		t = tr("%s on the EU-U.S. Data Privacy Framework", t)
	}
	if s[4] != "" {
		from, err1 := time.Parse("2 January 2006", s[4])
		until, err2 := time.Parse("2 January 2006", s[5])
		if err1 == nil && err2 == nil {
			t = tr("%s, renewed on %s until %s", t, date(from.Format(time.DateOnly)), date(until.Format(time.DateOnly)))
		}
	}
	return t.Localize(m)
}
