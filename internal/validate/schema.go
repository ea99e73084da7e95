package validate

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/personvern/personvern/internal/i18n"
	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/schema"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Validator checks notices. It compiles the schema once and is safe for
// concurrent use.
type Validator struct {
	schema *jsonschema.Schema
	raw    map[string]any
}

// New compiles the embedded schema.
func New() (*Validator, error) {
	return newValidator(true)
}

func newValidator(flat bool) (*Validator, error) {
	s, err := compile(flat)
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	var raw map[string]any
	if err := json.Unmarshal(schema.JSON, &raw); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	return &Validator{schema: s, raw: raw}, nil
}

// Validate returns every finding for doc, sorted.
func (v *Validator) Validate(doc *notice.Document) []Finding {
	r := &report{doc: doc}
	v.checkSchema(r)
	runRules(r)
	Sort(r.findings)
	return dedupe(r.findings)
}

func dedupe(fs []Finding) []Finding {
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && sameFinding(f, fs[i-1]) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// sameFinding compares findings by what they say, not by which Text
// value holds it.
func sameFinding(a, b Finding) bool {
	a.text, b.text, a.said, b.said = nil, nil, nil, nil
	return a == b
}

// report collects findings for one document.
type report struct {
	doc      *notice.Document
	findings []Finding
	// linkCache holds the links of each text, which three rules read.
	linkCache map[string][]mdLink
}

func (r *report) add(sev Severity, p notice.Path, rule, article, format string, args ...any) {
	line, col, _ := r.doc.Pos(p)
	r.addAt(line, col, sev, p, rule, article, format, args...)
}

// addKey points at the key of p, for findings about a field's name.
func (r *report) addKey(sev Severity, p notice.Path, rule, article, format string, args ...any) {
	line, col, _ := r.doc.KeyPos(p)
	r.addAt(line, col, sev, p, rule, article, format, args...)
}

func (r *report) addAt(line, col int, sev Severity, p notice.Path, rule, article, format string, args ...any) {
	file := r.doc.Path
	if len(p) > 0 {
		if key, ok := p[0].(string); ok && r.doc.Origin[key] != "" {
			file = r.doc.Origin[key] // a shared default, written in the site config
		}
	}
	t := tr(format, args...)
	r.findings = append(r.findings, Finding{
		File: file, Line: line, Col: col, Severity: sev,
		Path: p.String(), Rule: rule, Article: article, Message: t.String(), text: &t,
	})
}

func (v *Validator) checkSchema(r *report) {
	err := v.schema.Validate(r.doc.Value)
	if err == nil {
		return
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		r.addAt(1, 1, Error, nil, "schema", "", "schema check failed: %v", err)
		return
	}
	v.walk(r, ve)
}

// slugPattern is the schema's pattern for ids.
const slugPattern = "^[a-z0-9]+(?:[_-][a-z0-9]+)*$"

var (
	quotedRE  = regexp.MustCompile(`'([^']*)'`)
	typeMsgRE = regexp.MustCompile(`^expected (.*), but got (.*)$`)
)

// walk turns the schema library's error tree into findings at the leaves,
// merging an anyOf of "required" branches into one "give one of" finding.
func (v *Validator) walk(r *report, ve *jsonschema.ValidationError) {
	kw := keyword(ve.KeywordLocation)
	if kw == "anyOf" || kw == "oneOf" {
		var names []string
		allRequired := len(ve.Causes) > 0
		for _, c := range ve.Causes {
			if keyword(c.KeywordLocation) != "required" || len(c.Causes) > 0 {
				allRequired = false
				break
			}
			for _, m := range quotedRE.FindAllStringSubmatch(c.Message, -1) {
				names = append(names, m[1])
			}
		}
		if allRequired {
			p := notice.ParsePointer(ve.InstanceLocation)
			r.add(Error, p, "schema", v.article(p), "give at least one of %s", orList(names))
			return
		}
	}
	if len(ve.Causes) > 0 {
		causes := ve.Causes
		if kw == "anyOf" || kw == "oneOf" {
			// A value of a type one branch allows is told what is wrong
			// with it there, not to become what another branch allows:
			// name: "" is an empty text, not a text that should have
			// been a mapping (nb9x 8).
			var fits []*jsonschema.ValidationError
			for _, c := range causes {
				if !typeOnly(c) {
					fits = append(fits, c)
				}
			}
			if len(fits) > 0 {
				causes = fits
			}
		}
		for _, c := range causes {
			v.walk(r, c)
		}
		return
	}
	if kw == "pattern" || kw == "enum" || kw == "const" {
		// An id or code with an invisible or look-alike character gets
		// the finding that names the character, not "not allowed".
		p := notice.ParsePointer(ve.InstanceLocation)
		if s, ok := value(r.doc, p).(string); ok {
			if rule, msg, ok := plainValueFinding(s); ok {
				r.add(Error, p, rule, v.article(p), "%s", msg)
				return
			}
		}
	}
	v.leaf(r, ve, kw)
}

// isText reports whether the field at p is a free text per language.
func (v *Validator) isText(p notice.Path) bool {
	s := v.node(p)
	if s == nil {
		return false
	}
	_, ok := s["patternProperties"]
	return ok
}

// textExample is a text in the notice's languages: nb: "…", nn: "…".
func textExample(d *notice.Document) string {
	var parts []string
	langs, _ := value(d, notice.Path{"languages"}).([]any)
	for _, l := range langs {
		if s, ok := l.(string); ok && langKeyRE.MatchString(s) {
			parts = append(parts, s+`: "…"`)
		}
	}
	if len(parts) == 0 {
		parts = []string{`nb: "…"`, `nn: "…"`}
	}
	return strings.Join(parts, ", ")
}

// typeOnly reports whether a branch of an anyOf or oneOf failed only on
// the value's type.
func typeOnly(ve *jsonschema.ValidationError) bool {
	if len(ve.Causes) == 0 {
		return keyword(ve.KeywordLocation) == "type"
	}
	for _, c := range ve.Causes {
		if !typeOnly(c) {
			return false
		}
	}
	return true
}

// langKeyRE is a language key inside a free text ({nb: ..., nn: ...}).
var langKeyRE = regexp.MustCompile(`^[a-z]{2,3}$`)

// emptyLanguage is the finding at a free text that is empty in one
// language: it names the language and says what the field holds, not
// "must not be empty; see the schema" (nb9x 10). The field may be
// removed when it is optional.
func (v *Validator) emptyLanguage(r *report, p notice.Path, art string) bool {
	lang := lastKey(p)
	if len(p) < 2 || !langKeyRE.MatchString(lang) {
		return false
	}
	parent := p[:len(p)-1]
	s := v.node(parent)
	if s == nil {
		return false
	}
	if _, ok := s["patternProperties"]; !ok {
		return false
	}
	field := lastKey(parent)
	required := field == ""
	if g := v.node(parent[:len(parent)-1]); g != nil && field != "" {
		if req, ok := g["required"].([]any); ok {
			required = slices.Contains(req, any(field))
		}
	}
	_, plain := v.what(parent).(Text)
	// "or remove it" says already that the field is optional; its
	// description would add "Feltet skal inneholde valgfri beskrivelse",
	// a must beside a may (nn10 3).
	switch d := v.what(parent).(type) {
	case description:
		plain = plain || strings.HasPrefix(string(d), "Optional")
	case plainDescription:
		plain = plain || strings.HasPrefix(string(d.description), "Optional")
	}
	switch {
	case plain && required:
		r.add(Error, p, "schema", art, "the text in %s is empty; write it", langList{[]string{lang}, ""})
	case plain:
		r.add(Error, p, "schema", art, "the text in %s is empty; write it, or remove %s", langList{[]string{lang}, ""}, field)
	case required:
		r.add(Error, p, "schema", art, "the text in %s is empty; write it. The field holds %s", langList{[]string{lang}, ""}, v.what(parent))
	default:
		r.add(Error, p, "schema", art, "the text in %s is empty; write it, or remove %s. The field holds %s", langList{[]string{lang}, ""}, field, v.what(parent))
	}
	return true
}

func (v *Validator) leaf(r *report, ve *jsonschema.ValidationError, kw string) {
	p := notice.ParsePointer(ve.InstanceLocation)
	art := v.article(p)
	switch kw {
	case "required":
		for _, m := range quotedRE.FindAllStringSubmatch(ve.Message, -1) {
			q := p.Key(m[1])
			if m[1] == "label" && len(p) == 2 && p[0] == "categories" {
				// A custom category one letter from a ready-made code is
				// most likely that code mistyped: say so at the id, and
				// do not ask for a label it does not need (rv6nb 1).
				if id, ok := value(r.doc, p.Key("id")).(string); ok {
					if code := categoryTypo(id); code != "" {
						r.add(Error, p.Key("id"), "category-ref", v.article(q), "%q is not a ready-made category; did you mean %s? Otherwise add label for a custom category", id, codeGuess{"categories", code})
						continue
					}
				}
			}
			line, col, _ := r.doc.Pos(p)
			r.addAt(line, col, Error, q, "schema", v.article(q), "missing; add %s", v.what(q))
		}
	case "additionalProperties":
		allowed := v.propertyNames(p)
		for _, m := range quotedRE.FindAllStringSubmatch(ve.Message, -1) {
			q := p.Key(m[1])
			// No article: the GDPR asks for what a field says, not for
			// its key, so a misspelt key cites none.
			if s := suggestField(m[1], allowed); s != "" {
				r.addKey(Error, q, "schema", "", "unknown field %q; did you mean %q?", m[1], s)
			} else if len(allowed) > 0 {
				r.addKey(Error, q, "schema", "", "unknown field %q; allowed here: %s", m[1], strings.Join(allowed, ", "))
			} else {
				r.addKey(Error, q, "schema", "", "unknown field %q", m[1])
			}
		}
	case "enum":
		vals := v.enum(p)
		if len(p) == 2 && p[0] == "languages" {
			// A language no page can be written in: the texts in it are
			// not asked for (checkLanguages), so this is the one error.
			r.add(Error, p, "schema", art, "%s is not a language personvern writes pages in; use %s", show(r.doc, p), langChoices(vals))
			break
		}
		// A list where one code is wanted ("requirement: [voluntary]"):
		// the form is what is wrong, not the code (nn8x 15).
		if list, ok := value(r.doc, p).([]any); ok && lastKey(p) != "" && len(vals) > 0 {
			example := vals[0]
			for _, x := range list {
				if s, ok := x.(string); ok && slices.Contains(vals, s) {
					example = s
					break
				}
			}
			r.add(Error, p, "schema", art, "must be one code, not a list: write, e.g., %s: %s", lastKey(p), example)
			break
		}
		// A guess only when it is plausible, and a code that exists
		// nowhere is said not to exist (language review nb5 11).
		if got, ok := value(r.doc, p).(string); ok {
			if s := suggestCode(got, vals); s != "" && !(publicAuthority(r.doc) && consentBases[s] && !sameCode(got, s)) {
				r.add(Error, p, "schema", art, "%s is not allowed here; did you mean %s?", show(r.doc, p), codeGuess{lastKey(p), s})
				break
			}
			if provisionRE.MatchString(got) && !v.anyEnum(got) {
				if lastKey(p) == "article" {
					r.add(Error, p, "schema", art, "%s does not exist; use a legal basis from 6(1)(a)–(f), and for special categories also one from 9(2)(a)–(j); personvern codes bases says what they mean", show(r.doc, p))
				} else {
					r.add(Error, p, "schema", art, "%s does not exist; use one of: %s", show(r.doc, p), codeList{lastKey(p), vals})
				}
				break
			}
		}
		r.add(Error, p, "schema", art, "%s is not allowed here; use one of: %s", show(r.doc, p), codeList{lastKey(p), vals})
	case "const":
		if c, ok := v.node(p)["const"].(string); ok {
			r.add(Error, p, "schema", art, "%s is not allowed here; write %q", show(r.doc, p), c)
		} else {
			r.add(Error, p, "schema", art, "%s is not allowed here; %s", show(r.doc, p), ve.Message)
		}
	case "maxLength":
		if m, ok := v.node(p)["maxLength"].(float64); ok {
			r.add(Error, p, "schema", art, "is too long: at most %d characters; shorten it", int(m))
		} else {
			r.add(Error, p, "schema", art, "%s", ve.Message)
		}
	case "type":
		if m := typeMsgRE.FindStringSubmatch(ve.Message); m != nil && m[1] == "string" && (m[2] == "number" || m[2] == "integer") && lastKey(p) != "" {
			// version: 1.2, org_number: 974760673: the finding ends with
			// the fix, which says all (language review nb3 24: the
			// field's description pasted on after it read as a fragment).
			// The file's own text, not the number it decodes to: 1.10
			// is the number 1.1, and the fix must keep the 0.
			key := lastKey(p)
			text, ok := r.doc.Scalar(p)
			if !ok {
				text = show(r.doc, p)
			}
			r.add(Error, p, "schema", art, "put the value in quotation marks, so that it is a text and not a number: %s: \"%s\"", key, text)
		} else if m != nil && m[1] == "object" && m[2] == "string" && lastKey(p) != "" && v.isText(p) {
			// title: "Kvalifiseringsprogrammet": the fix is a text in
			// each language, not a word about types (nn9x 5).
			r.add(Error, p, "schema", art, "write the text in each language, e.g. %s: {%s}", lastKey(p), textExample(r.doc))
		} else if m != nil && m[1] == "object" && len(p) == 2 && p[0] == "rights" && m[2] != "null" {
			// access: true: a right is written as a mapping, empty or
			// with how and limits (nb9x 9).
			r.add(Error, p, "schema", art, "write %s: {} (or with how: and limits:), not %s", lastKey(p), article(m[2]))
		} else if m != nil {
			r.add(Error, p, "schema", art, "must be %s, not %s; %s", article(m[1]), article(m[2]), v.fix(p, m[2] == "null"))
		} else {
			r.add(Error, p, "schema", art, "%s", ve.Message)
		}
	case "pattern":
		if s := v.node(p); s != nil && s["pattern"] == slugPattern {
			r.add(Error, p, "schema", art, "%s is not a valid id: use lower case letters, digits, '-' and '_', e.g. \"follow-up\"", show(r.doc, p))
		} else {
			r.add(Error, p, "schema", art, "%s does not fit; %s", show(r.doc, p), v.fix(p, false))
		}
	case "minItems":
		r.add(Error, p, "schema", art, "must list at least one entry; %s", v.fix(p, true))
	case "minLength", "minProperties":
		if kw == "minLength" && v.emptyLanguage(r, p, art) {
			break
		}
		r.add(Error, p, "schema", art, "must not be empty; %s", v.fix(p, true))
	case "uniqueItems":
		r.add(Error, p, "schema", art, "lists the same value twice; remove the repeat")
	default:
		r.add(Error, p, "schema", art, "%s", ve.Message)
	}
}

func show(d *notice.Document, p notice.Path) string {
	cur := value(d, p)
	if str, ok := cur.(string); ok {
		return fmt.Sprintf("%q", str)
	}
	b, _ := json.Marshal(cur)
	return string(b)
}

// value returns the JSON view of the value at p, or nil.
func value(d *notice.Document, p notice.Path) any {
	var cur any = d.Value
	for _, s := range p {
		switch s := s.(type) {
		case string:
			m, _ := cur.(map[string]any)
			cur = m[s]
		case int:
			l, _ := cur.([]any)
			if s < len(l) {
				cur = l[s]
			} else {
				cur = nil
			}
		}
	}
	return cur
}

func article(t string) Text {
	switch t {
	case "object":
		return tr("a mapping")
	case "array":
		return tr("a list")
	case "null":
		return tr("empty")
	case "integer":
		return tr("a whole number")
	case "string or number":
		return tr("a text or number")
	case "string":
		return tr("a text")
	case "number":
		return tr("a number")
	case "boolean":
		return tr("a boolean")
	}
	return tr("a %s", strings.ReplaceAll(t, "string", "text"))
}

func keyword(loc string) string {
	if i := strings.LastIndexByte(loc, '/'); i >= 0 {
		return loc[i+1:]
	}
	return loc
}

// node returns the raw schema object describing the instance at p,
// following $ref, properties, patternProperties and items.
func (v *Validator) node(p notice.Path) map[string]any {
	cur := v.deref(v.raw)
	for _, seg := range p {
		if cur == nil {
			return nil
		}
		var next map[string]any
		switch seg := seg.(type) {
		case string:
			if props, ok := cur["properties"].(map[string]any); ok {
				next, _ = props[seg].(map[string]any)
			}
			if next == nil {
				if pp, ok := cur["patternProperties"].(map[string]any); ok {
					for pat, s := range pp {
						if regexp.MustCompile(pat).MatchString(seg) {
							next, _ = s.(map[string]any)
						}
					}
				}
			}
		case int:
			next, _ = cur["items"].(map[string]any)
		}
		if next != nil && cur != nil {
			// keep the description and article of the referring property
			merged := map[string]any{}
			for k, val := range v.deref(next) {
				merged[k] = val
			}
			for _, k := range []string{"description", "x-article"} {
				if val, ok := next[k]; ok {
					merged[k] = val
				}
			}
			next = merged
		}
		cur = next
	}
	return cur
}

func (v *Validator) deref(s map[string]any) map[string]any {
	for i := 0; i < 10 && s != nil; i++ {
		ref, ok := s["$ref"].(string)
		if !ok || !strings.HasPrefix(ref, "#/$defs/") {
			return s
		}
		defs, _ := v.raw["$defs"].(map[string]any)
		s, _ = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
	}
	return s
}

// article returns the GDPR article of the schema property at p, or of its
// nearest ancestor that names one.
func (v *Validator) article(p notice.Path) string {
	for n := len(p); n >= 0; n-- {
		if s := v.node(p[:n]); s != nil {
			if a, ok := s["x-article"].(string); ok {
				return a
			}
		}
	}
	return ""
}

// what returns the schema's description of p, without the article (the
// finding carries that), as the "what to do" part of a message.
// fix is what to write in the field at p, ending a finding that says
// what is wrong with it: the field's description after "write what the
// field holds", not pasted on as a bare noun phrase (nn7x 5).
//
// An empty field is to be filled in; one with a value of the wrong form
// is filled in already, and is told what it holds ("fyll ut feltet" said
// of "updated: 3. desember 2026" read as if it were empty, nb8x 17).
func (v *Validator) fix(p notice.Path, empty bool) any {
	if d, ok := v.what(p).(Text); ok {
		return d // see the schema
	}
	if empty {
		return tr("write what the field holds: %s", v.what(p))
	}
	return tr("the field holds %s", v.what(p))
}

func (v *Validator) what(p notice.Path) any {
	s := v.node(p)
	if s == nil {
		return tr("see the schema")
	}
	d, _ := s["description"].(string)
	d = trimArticle(d)
	if d == "" {
		return tr("see the schema")
	}
	if label, ok := s["x-label"].(string); ok {
		return plainDescription{description(d), label}
	}
	return description(d)
}

// plainDescription is the description of a plain field, which the model
// alone declares: its schema description is the English of its doc
// comment, and in Norwegian the finding names it by its label, the one
// text the field has in each catalogue, unless the schema catalogue has a
// fuller translation.
type plainDescription struct {
	description
	label string
}

func (d plainDescription) Localize(m *i18n.Messages) string {
	if t := m.Phrase(string(d.description)); t != string(d.description) {
		return lowerFirst(t)
	}
	if l, ok := m.Label(d.label); ok {
		return lowerFirst(l)
	}
	return d.description.Localize(m)
}

// trimArticle drops the article a description ends with.
func trimArticle(d string) string {
	if i := strings.LastIndex(d, " (GDPR art."); i >= 0 {
		return d[:i]
	}
	return d
}

// description is a schema description inside a finding, translated by
// templates/lang/schema.*.yaml.
type description string

func (d description) String() string                   { return lowerFirst(string(d)) }
func (d description) Localize(m *i18n.Messages) string { return lowerFirst(m.Phrase(string(d))) }

// lastKey is the key p ends in, "" when it ends in a list index.
func lastKey(p notice.Path) string {
	if len(p) == 0 {
		return ""
	}
	k, _ := p[len(p)-1].(string)
	return k
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && r[1] >= 'A' && r[1] <= 'Z' {
		return s // an acronym such as "ISO"
	}
	return strings.ToLower(string(r[0])) + string(r[1:])
}

func (v *Validator) propertyNames(p notice.Path) []string {
	s := v.node(p)
	props, _ := s["properties"].(map[string]any)
	names := make([]string, 0, len(props))
	for k := range props {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func (v *Validator) enum(p notice.Path) []string {
	s := v.node(p)
	if s == nil {
		return nil
	}
	if s["enum"] == nil {
		if items, ok := s["items"].(map[string]any); ok {
			s = items
		}
	}
	vals, _ := s["enum"].([]any)
	out := make([]string, 0, len(vals))
	for _, x := range vals {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

// suggestCode returns the code an author most likely meant: the same
// letters and digits written another way ("6.1.c" for "6(1)(c)"), or the
// one near miss ("anonymize"). When several codes are as near, none is
// likelier than another: "6(1)(g)" is one letter from each of 6(1)(a) to
// (f), and guessing one would pick a legal basis by its spelling.
func suggestCode(got string, codes []string) string {
	for _, c := range codes {
		if sameCode(c, got) {
			return c
		}
	}
	s := suggest(got, codes)
	if s == "" {
		return ""
	}
	d := levenshtein(got, s)
	for _, c := range codes {
		if c != s && levenshtein(got, c) == d {
			return ""
		}
	}
	return s
}

// sameCode: a and b are the same letters and digits, written another way.
func sameCode(a, b string) bool {
	norm := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	return norm(a) == norm(b)
}

// consentBases are never guessed for a public authority, which can rarely
// rest on consent (recital 43); the author may write them on purpose.
var consentBases = map[string]bool{"6(1)(a)": true, "9(2)(a)": true}

func publicAuthority(d *notice.Document) bool {
	cs, _ := value(d, notice.Path{"controllers"}).([]any)
	for _, c := range cs {
		if m, ok := c.(map[string]any); ok && m["kind"] == "public_authority" {
			return true
		}
	}
	return false
}

// provisionRE is a code written as a provision: 6(1)(g), 23(1), pol-16(1)(g).
var provisionRE = regexp.MustCompile(`^(pol-)?[0-9]+\([0-9]+\)(\([a-z]+\))?$`)

// anyEnum reports whether code is a code of some field of the schema.
func (v *Validator) anyEnum(code string) bool {
	var walk func(x any) bool
	walk = func(x any) bool {
		switch x := x.(type) {
		case map[string]any:
			if vals, ok := x["enum"].([]any); ok {
				for _, c := range vals {
					if fmt.Sprint(c) == code {
						return true
					}
				}
			}
			for _, y := range x {
				if walk(y) {
					return true
				}
			}
		case []any:
			for _, y := range x {
				if walk(y) {
					return true
				}
			}
		}
		return false
	}
	return walk(v.raw)
}

// suggestField is the allowed field a misspelt or abbreviated key
// stands for: the closest name (suggest), else the one name whose letters
// the key's follow in order from the first (orgnr: org_number).
func suggestField(name string, allowed []string) string {
	if s, ok := norwegianFields[strings.ToLower(name)]; ok && slices.Contains(allowed, s) {
		return s
	}
	if s := suggest(name, allowed); s != "" {
		return s
	}
	letters := func(s string) string { return strings.ReplaceAll(strings.ToLower(s), "_", "") }
	key := letters(name)
	if len(key) < 3 {
		return ""
	}
	found := ""
	for _, a := range allowed {
		if l := letters(a); l[0] == key[0] && subsequence(key, l) {
			if found != "" {
				return "" // two candidates: no guess
			}
			found = a
		}
	}
	return found
}

// norwegianFields are the Norwegian words an editor writes for a field or
// a right, which no spelling distance leads to (retting: rectification,
// nn9x 8).
var norwegianFields = map[string]string{
	"innsyn": "access", "retting": "rectification", "sletting": "erasure",
	"begrensning": "restriction", "avgrensing": "restriction",
	"dataportabilitet": "portability", "portabilitet": "portability",
	"protest": "objection", "innsigelse": "objection",
	"tittel": "title", "formål": "purposes", "kategorier": "categories", "kategoriar": "categories",
	"kilder": "sources", "kjelder": "sources", "mottakere": "recipients", "mottakarar": "recipients",
	"overføringer": "transfers", "overføringar": "transfers", "lagring": "retention", "lagringstid": "retention",
	"rettigheter": "rights", "rettar": "rights", "klage": "complaint",
	"personvernombud": "dpo", "personvernombod": "dpo", "behandlingsansvarlig": "controller", "behandlingsansvarleg": "controller",
	"versjon": "version", "språk": "languages", "oppdatert": "updated", "grupper": "groups",
}

// subsequence reports whether the letters of s appear in t in order.
func subsequence(s, t string) bool {
	i := 0
	for j := 0; i < len(s) && j < len(t); j++ {
		if s[i] == t[j] {
			i++
		}
	}
	return i == len(s)
}

// suggest returns the allowed name closest to a typo, if close enough.
func suggest(name string, allowed []string) string {
	best, bestD := "", 3
	for _, a := range allowed {
		if d := levenshtein(name, a); d < bestD || (d <= len(a)/3 && d < bestD) {
			best, bestD = a, d
		}
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
