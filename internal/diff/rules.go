package diff

import (
	"fmt"
	"strings"
)

// Rule is one classification rule: the id a report names (`regel`), the
// class of every change it reports, and its message. A rule's class is
// fixed so that --fail-on and the README's table can say in advance what
// a rule does; a change that can matter more or less is two rules.
type Rule struct {
	ID    string
	Class Class
	// Note is a short hint for the README's table, when the id alone
	// does not say what the rule catches.
	Note string
	// Upkeep marks rules about how the notice is kept (its translations,
	// its version number), which a reviewer needs and a reader of the
	// published history does not.
	Upkeep bool
}

// IsUpkeep reports whether the rule of id is an upkeep rule.
func IsUpkeep(id string) bool {
	for _, r := range Rules {
		if r.ID == id {
			return r.Upkeep
		}
	}
	return false
}

// MessageKey is the catalogue key of the rule's message: {0} is the
// subject, {1} the old and {2} the new value; for text rules {0} is the
// field and {1} the language.
func (r *Rule) MessageKey() string { return "diff." + r.ID }

// Rules lists every rule, in the order they are declared below; the
// README's --fail-on table is generated from it (TestREADMERuleTable).
var Rules []*Rule

var ruleIDs = map[string]bool{}

// rule registers a rule. The comparison refers to the returned variable,
// so a misspelt rule fails to compile and a rule cannot lose its entry.
func rule(id string, class Class, note string) *Rule {
	if ruleIDs[id] {
		panic("diff: rule " + id + " registered twice")
	}
	ruleIDs[id] = true
	r := &Rule{ID: id, Class: class, Note: note}
	Rules = append(Rules, r)
	return r
}

// The rules, by section of the notice. Material: people must be told
// before it takes effect (transparency, art. 5(1)(a) and 12, WP260 rev.01
// paragraphs 29-30; art. 13(3) for further processing for a new purpose);
// notable: worth telling; editorial: spelling only.
var (
	ruleNewController       = rule("new-controller", Material, "name or organisation number")
	ruleControllerKind      = rule("controller-kind", Material, "")
	ruleContactDetails      = rule("contact-details", Notable, "")
	ruleNewJointController  = rule("new-joint-controller", Material, "added, or another organisation number")
	ruleRemovedJointCtrl    = rule("removed-joint-controller", Notable, "")
	ruleJointContactDetails = rule("joint-controller-contact", Notable, "")
	ruleDPOAdded            = rule("dpo-added", Notable, "")
	ruleDPORemoved          = rule("dpo-removed", Notable, "")
	ruleDPOChanged          = rule("dpo-changed", Notable, "")

	ruleNewPurpose          = rule("new-purpose", Material, "")
	ruleRemovedPurpose      = rule("removed-purpose", Notable, "")
	rulePurposeNewCategory  = rule("purpose-new-category", Material, "")
	rulePurposeRemovedCat   = rule("purpose-removed-category", Notable, "")
	ruleAddedLegalBasis     = rule("added-legal-basis", Material, "")
	ruleRemovedLegalBasis   = rule("removed-legal-basis", Material, "")
	ruleChangedLegalBasis   = rule("changed-legal-basis", Material, "national law or interests")
	rulePurposeAutomated    = rule("purpose-automated", Material, "by automated means or not: portability lost, or the flag alone")
	rulePurposePortability  = rule("purpose-portability", Notable, "by automated means now, so portability applies: a right gained")
	rulePurposeMarketing    = rule("purpose-direct-marketing", Material, "")
	rulePurposeNoMarketing  = rule("purpose-no-direct-marketing", Notable, "")
	rulePurposeResearch     = rule("purpose-research", Material, "")
	rulePurposeNoResearch   = rule("purpose-no-research", Notable, "")
	rulePurposeCriminalLaw  = rule("purpose-criminal-law", Material, "the law for criminal data (art. 10)")
	ruleNewCategory         = rule("new-category", Material, "")
	ruleNewSpecialCategory  = rule("new-special-category", Material, "added, or now special")
	ruleNewCriminalCategory = rule("new-criminal-category", Material, "criminal convictions and offences (art. 10): added, or now so")
	ruleRemovedCategory     = rule("removed-category", Notable, "")
	ruleCategoryNotSpecial  = rule("category-not-special", Notable, "")
	ruleProvisionChanged    = rule("provision-changed", Notable, "")
	ruleProvisionRequired   = rule("provision-now-required", Material, "was voluntary or unstated")
	ruleNewSource           = rule("new-source", Material, "")
	ruleRemovedSource       = rule("removed-source", Notable, "")
	ruleSourceNewCategory   = rule("source-new-category", Material, "")
	ruleSourceRemovedCat    = rule("source-removed-category", Notable, "")
	ruleSourcePublic        = rule("source-public", Notable, "publicly available or not")
	ruleNewRecipient        = rule("new-recipient", Material, "")
	ruleRemovedRecipient    = rule("removed-recipient", Notable, "")
	ruleRecipientNewCat     = rule("recipient-new-category", Material, "")
	ruleRecipientRemovedCat = rule("recipient-removed-category", Notable, "")
	ruleRecipientNewPurpose = rule("recipient-new-purpose", Material, "")
	ruleRecipientRemovedPur = rule("recipient-removed-purpose", Notable, "")
	ruleRenamedParty        = rule("renamed-party", Material, "a source or recipient")
	rulePartyKind           = rule("party-kind", Material, "a source or recipient of another kind")

	ruleNewTransfer          = rule("new-transfer", Material, "")
	ruleRemovedTransfer      = rule("removed-transfer", Notable, "")
	ruleNewCountry           = rule("new-country", Material, "")
	ruleChangedSafeguard     = rule("changed-safeguard", Material, "")
	ruleTransferRecipient    = rule("transfer-recipient", Material, "")
	ruleTransferDPF          = rule("transfer-dpf", Material, "certified under the EU-U.S. Data Privacy Framework or not")
	ruleTransferOrganisation = rule("transfer-organisation", Material, "another international organisation")

	ruleNewRetentionRule     = rule("new-retention-rule", Notable, "")
	ruleRemovedRetentionRule = rule("removed-retention-rule", Notable, "")
	ruleLongerRetention      = rule("longer-retention", Material, "")
	ruleRetentionStated      = rule("retention-stated", Material, "a fixed period where there were criteria only: it may be longer")
	ruleCategoryKeptLonger   = rule("category-kept-longer", Material, "moved to a longer rule, or its rule replaced")
	ruleShorterRetention     = rule("shorter-retention", Notable, "")
	ruleRetentionCriteria    = rule("retention-criteria", Material, "a fixed period replaced by criteria")
	ruleRetentionThen        = rule("retention-then", Notable, "")
	ruleRetentionArchived    = rule("retention-archived", Material, "")
	ruleRetentionCategories  = rule("retention-categories", Notable, "")
	ruleRetentionCritText    = rule("retention-criteria-text", Notable, "")
	ruleRetentionFrom        = rule("retention-from", Material, "where a fixed period runs from")
	ruleRetentionNowFixed    = rule("retention-now-fixed", Material, "at_most removed: the data are kept for all of the period")
	ruleRetentionNowAtMost   = rule("retention-now-at-most", Notable, "at_most added: the period is now the longest")

	ruleNarrowedRight      = rule("narrowed-right", Material, "removed")
	ruleAddedRight         = rule("added-right", Notable, "")
	ruleRightLimited       = rule("right-limited", Material, "")
	ruleRightLimitsRemoved = rule("right-limits-removed", Notable, "")
	ruleRightLimitsChanged = rule("right-limits-changed", Material, "")
	ruleRightHow           = rule("right-how", Material, "how to use a right, reworded: it may be harder")
	ruleNewRestriction     = rule("new-restriction", Material, "art. 14(5), 23, personopplysningsloven § 16")
	ruleRemovedRestriction = rule("removed-restriction", Notable, "")
	ruleRestrictionChanged = rule("restriction-changed", Material, "another right or provision")
	ruleRestrictionText    = rule("restriction-text", Material, "its law or meaning")

	ruleNewAutomated            = rule("new-automated-decision", Material, "")
	ruleRemovedAutomated        = rule("removed-automated-decision", Notable, "")
	ruleAutomatedProfiling      = rule("automated-profiling", Material, "")
	ruleAutomatedNoProfiling    = rule("automated-no-profiling", Notable, "")
	ruleAutomatedNewPurpose     = rule("automated-new-purpose", Material, "")
	ruleAutomatedRemovedPurpose = rule("automated-removed-purpose", Notable, "")
	ruleAutomatedBasis          = rule("automated-basis", Material, "another art. 22(2) exception")
	ruleAutomatedLaw            = rule("automated-law", Material, "the law that allows it")
	ruleAutomatedLogic          = rule("automated-logic", Notable, "")
	ruleAutomatedSignificance   = rule("automated-significance", Notable, "")

	ruleNewCookie            = rule("new-cookie", Material, "not strictly necessary")
	ruleNewNecessaryCookie   = rule("new-necessary-cookie", Notable, "")
	ruleRemovedCookie        = rule("removed-cookie", Notable, "")
	ruleCookieNotNecessary   = rule("cookie-not-necessary", Material, "was strictly necessary")
	ruleCookieNowNecessary   = rule("cookie-now-necessary", Notable, "")
	ruleCookieNewProvider    = rule("cookie-new-provider", Material, "a third party")
	ruleCookieOwnProvider    = rule("cookie-own-provider", Notable, "now the controller's own")
	ruleCookieLonger         = rule("cookie-longer-lifetime", Material, "")
	ruleCookieShorter        = rule("cookie-shorter-lifetime", Notable, "")
	ruleCookieThirdParty     = rule("cookie-third-party", Material, "now set by another domain")
	ruleCookieParty          = rule("cookie-party", Notable, "first party, or unstated")
	ruleCookieCountry        = rule("cookie-country", Material, "")
	ruleCookieNewPurpose     = rule("cookie-new-purpose", Material, "")
	ruleCookieRemovedPurpose = rule("cookie-removed-purpose", Notable, "")
	ruleCookieName           = rule("cookie-name", Notable, "")
	ruleCookieKind           = rule("cookie-kind", Notable, "")
	ruleCookiePurposeText    = rule("cookie-purpose-text", Notable, "")
	ruleCookieConsentText    = rule("cookie-consent-text", Notable, "")

	ruleLanguages = rule("languages", Notable, "")
	ruleWording   = rule("wording", Editorial, "")
	ruleRenamedID = upkeep(rule("renamed-id", Editorial, "an id changed, the item not: a note to the editor"))

	// ruleFieldChanged reports a plain field (`pv:"plain"`) that is not a
	// text: nothing says what its change means, so it is material until the
	// field gets a rule of its own. A plain text is compared as every text
	// is, by the wording rules.
	ruleFieldChanged = rule("field-changed", Material, "a plain field of the model that is not a text; until it has a rule of its own")

	// The heading the site's index lists the notice under says nothing of
	// the processing: the notice's text and its other fields are what a
	// reader is told, and they are compared on their own.
	ruleIndexGroup = rule("index-group", Editorial, "the heading the site's index lists it under")
)

// classNotes head the README's rows.
var classNotes = map[Class]string{
	Material:  "people must be told before it takes effect (art. 5(1)(a) and 12, WP260 rev.01 paragraphs 29-30; art. 13(3) for a new purpose)",
	Editorial: "wording only, or where the site lists the notice",
}

// RuleTable is the README's --fail-on table: the rules of each class,
// material first.
func RuleTable() string {
	var b strings.Builder
	b.WriteString("| class | rules (`regel`) |\n| --- | --- |\n")
	for c := Material; c >= Editorial; c-- {
		head := "**" + c.String() + "**"
		if n := classNotes[c]; n != "" {
			head += ": " + n
		}
		var ids []string
		for _, r := range Rules {
			if r.Class != c {
				continue
			}
			s := "`" + r.ID + "`"
			if r.Note != "" {
				s += " (" + r.Note + ")"
			}
			ids = append(ids, s)
		}
		fmt.Fprintf(&b, "| %s | %s |\n", head, strings.Join(ids, ", "))
	}
	return b.String()
}
