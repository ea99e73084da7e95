package validate

import (
	"sort"
	"strings"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/vocab"
)

// cookieLaw is what the cookie rules cite: since 1 January 2025 ekomloven
// § 3-15 asks for consent to the GDPR standard before a cookie that is not
// strictly necessary is stored or read.
// It is said in the reader's language (lawCitations).
const cookieLaw = "ekomloven §\u00a03-15; GDPR art. 4(11) and 7"

// browserWords are the words, in bokmål, nynorsk and English, by which a
// consent text sends the visitor to the browser's settings. Browser
// settings are no consent under ekomloven § 3-15: consent must be a
// specific, informed and unambiguous act for this website (art. 4(11)),
// given before the cookie is set and as easy to withdraw (art. 7(3)).
// Matched in lower case as parts of words, so "nettleseren" and
// "nettlesarinnstillingane" are caught by their stems.
var browserWords = []string{
	"nettleser", // nb: nettleseren, nettleserinnstillinger
	"nettlesar", // nn: nettlesaren, nettlesarinnstillingar
	"browser",
}

// reliesOnBrowser returns the browser word a text uses, or "".
func reliesOnBrowser(s string) string {
	l := strings.ToLower(s)
	for _, w := range browserWords {
		if strings.Contains(l, w) {
			return w
		}
	}
	return ""
}

func checkCookieConsent(r *report, n *notice.Notice) {
	for i, c := range n.Cookies {
		if !c.Necessary && len(c.Consent) == 0 {
			r.add(Error, p("cookies", i), "", cookieLaw, "cookie %q is not strictly necessary, so it may be set only with consent; add consent saying how the visitor agrees before it is set (a banner with accept and refuse as equal choices) and how to withdraw as easily, or set necessary: true if it is strictly necessary for a service the visitor expressly asked for", c.Name)
		}
	}
}

func checkCookieBrowserSettings(r *report, n *notice.Notice) {
	for i, c := range n.Cookies {
		if c.Necessary {
			continue
		}
		for _, lang := range sortedLangs(c.Consent) {
			if w := reliesOnBrowser(c.Consent[lang]); w != "" {
				r.add(Error, p("cookies", i, "consent", lang), "", cookieLaw, "the consent text relies on the browser's settings (%q), which are not consent: consent is an act for this website, given before the cookie is set; say how the visitor accepts or refuses on the site (a banner or a settings page) and withdraws there as easily", w)
			}
		}
	}
}

func sortedLangs(t notice.Text) []string {
	ls := make([]string, 0, len(t))
	for l := range t {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	return ls
}

func declaredRecipients(n *notice.Notice) map[string]bool {
	m := map[string]bool{}
	for _, rc := range n.Recipients {
		m[rc.ID] = true
	}
	return m
}

func checkCookieProvider(r *report, n *notice.Notice) {
	rec := declaredRecipients(n)
	for i, c := range n.Cookies {
		switch {
		case c.Provider == "":
			// the schema reports it
		case c.Provider == notice.ProviderController:
			if c.Party == "third" {
				r.add(Error, p("cookies", i, "party"), "", "13(1)(e)", "a third-party cookie is set by another domain than ours; add the one who runs it under recipients and name it in provider")
			}
		case !rec[c.Provider]:
			r.add(Error, p("cookies", i, "provider"), "", "13(1)(e)", "provider %q is not declared; write controller when we run the cookie ourselves, or add the provider under recipients, since it gets what the cookie collects%s", c.Provider, didYouMean(c.Provider, keys(rec)))
		}
	}
}

func checkCookieTransfer(r *report, n *notice.Notice) {
	rec := declaredRecipients(n)
	for i, c := range n.Cookies {
		if c.Country == "" || vocab.EEA[c.Country] || !rec[c.Provider] {
			continue
		}
		declared := false
		for _, t := range n.Transfers {
			declared = declared || (t.Recipient == c.Provider && t.Country == c.Country)
		}
		if !declared {
			r.add(Error, p("cookies", i, "country"), "", "13(1)(f)", "the provider %q handles what cookie %q collects in %s, outside the EU/EEA; add a transfer with country: %s and recipient: %s, and its safeguard", c.Provider, c.Name, country(c.Country), c.Country, c.Provider)
		}
	}
}

func checkCookiePurposes(r *report, n *notice.Notice) {
	decl := map[string]bool{}
	for _, pu := range n.Purposes {
		decl[pu.ID] = true
	}
	for i, c := range n.Cookies {
		for j, id := range c.Purposes {
			if !decl[id] {
				r.add(Error, p("cookies", i, "purposes", j), "", "13(1)(c)", "purpose %q is not declared; use the id of one of the purposes%s", id, didYouMean(id, keys(decl)))
			}
		}
		if !c.Necessary && len(c.Purposes) == 0 && len(n.Purposes) > 0 {
			r.add(Warning, p("cookies", i), "", "13(1)(c)", "cookie %q is not strictly necessary, but names no purpose; what it collects about visitors (an online identifier, the IP address) is personal data (recital 30), so add purposes with the id of the purpose whose legal basis covers it", c.Name)
		}
	}
}

// ValidLifetime reports whether s is a cookie lifetime personvern accepts:
// an ISO 8601 duration, or "session".
func ValidLifetime(s string) bool { return s == "session" || ValidDuration(s) }

func checkCookieLifetime(r *report, n *notice.Notice) {
	for i, c := range n.Cookies {
		if c.Lifetime != "" && !ValidLifetime(c.Lifetime) {
			r.add(Error, p("cookies", i, "lifetime"), "", "13(2)(a)", "%q is not a lifetime; write an ISO 8601 duration in years, months, weeks or days (P2Y, P6M, P1D), or session for a cookie deleted when the browser closes", c.Lifetime)
		}
	}
}
