// Command gen writes a synthetic corpus of valid notices for benchmarks:
// N notices shaped like the ones in notices/ (each a variation of one of
// them), deterministic from a seed. With -hugo and -json it also writes the
// same notices as a Hugo site of Markdown pages in two languages and as
// JSON documents, so that Hugo and ajv-cli can be timed on equal work.
//
//	go run ./bench/gen -n 1000 -o bench/corpus/1000
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/render"
	"gopkg.in/yaml.v3"
)

func main() {
	n := flag.Int("n", 100, "number of notices")
	seed := flag.Int64("seed", 1, "random seed: the same seed gives the same corpus")
	out := flag.String("o", "bench/corpus", "output folder: notices/, hugo/ and json/ are written inside")
	from := flag.String("from", "notices", "folder of notices to vary")
	hugo := flag.Bool("hugo", true, "also write a Hugo site of the same pages")
	js := flag.Bool("json", true, "also write the notices as JSON, for ajv-cli")
	flag.Parse()
	if err := run(*n, *seed, *out, *from, *hugo, *js); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// ascii makes ids of Norwegian names: ids are slugs.
var ascii = strings.NewReplacer("ø", "o", "å", "a", "æ", "ae")

var (
	places   = []string{"Alta", "Bodø", "Drammen", "Fredrikstad", "Gjøvik", "Hamar", "Kristiansand", "Lillehammer", "Molde", "Narvik", "Porsgrunn", "Sandnes", "Skien", "Steinkjer", "Tromsø", "Tønsberg", "Voss", "Ålesund"}
	services = []string{"barnehage", "skolefritidsordning", "hjemmetjenester", "byggesak", "parkering", "bibliotek", "kulturskole", "sosialhjelp", "bostøtte", "renovasjon", "svømmehall", "legevakt"}
	periods  = []string{"P6M", "P1Y", "P2Y", "P3Y", "P5Y", "P10Y", "P12W", "P26W"}
)

func run(n int, seed int64, out, from string, hugo, js bool) error {
	files, err := notice.Find([]string{from})
	if err != nil {
		return err
	}
	var bases [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		bases = append(bases, b)
	}
	if len(bases) == 0 {
		return fmt.Errorf("no notices in %s", from)
	}
	rng := rand.New(rand.NewSource(seed))
	dirs := map[string]string{"notices": filepath.Join(out, "notices"), "hugo": filepath.Join(out, "hugo", "content"), "json": filepath.Join(out, "json")}
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	r, err := render.Default()
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		var root yaml.Node
		if err := yaml.Unmarshal(bases[i%len(bases)], &root); err != nil {
			return err
		}
		place := places[rng.Intn(len(places))]
		service := services[rng.Intn(len(services))]
		id := ascii.Replace(strings.ToLower(fmt.Sprintf("%s-%s-%05d", place, service, i)))
		vary(root.Content[0], id, place, service, rng)
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(root.Content[0]); err != nil {
			return err
		}
		src := append([]byte("# yaml-language-server: $schema=../../../../schema/notice.schema.json\n"), buf.Bytes()...)
		if err := os.WriteFile(filepath.Join(dirs["notices"], id+".yaml"), src, 0o644); err != nil {
			return err
		}
		// The corpus has no personvern.yaml: no defaults, said so.
		doc, err := notice.Loader{}.Parse(id+".yaml", src)
		if err != nil {
			return err
		}
		if js {
			b, _ := json.Marshal(doc.Value)
			if err := os.WriteFile(filepath.Join(dirs["json"], id+".json"), b, 0o644); err != nil {
				return err
			}
		}
		if hugo {
			for _, lang := range []string{"nb", "nn"} {
				var page bytes.Buffer
				if err := r.Render(&page, &doc.Notice, render.Options{Lang: lang, Format: "md"}); err != nil {
					return err
				}
				// Hugo takes the title from front matter, as our page has it as h1.
				front := fmt.Sprintf("---\ntitle: %q\n---\n", doc.Notice.Title[lang])
				name := filepath.Join(dirs["hugo"], id+"."+lang+".md")
				if err := os.WriteFile(name, append([]byte(front), page.Bytes()...), 0o644); err != nil {
					return err
				}
			}
		}
	}
	if hugo {
		cfg := "baseURL = 'https://personvern.example.no/'\ntitle = 'Personvern'\ndefaultContentLanguage = 'nb'\ndisableKinds = ['taxonomy', 'term', 'RSS']\n[languages]\n[languages.nb]\nweight = 1\n[languages.nn]\nweight = 2\n[markup.goldmark.renderer]\nunsafe = true\n"
		if err := os.WriteFile(filepath.Join(out, "hugo", "hugo.toml"), []byte(cfg), 0o644); err != nil {
			return err
		}
		layouts := filepath.Join(out, "hugo", "layouts", "_default")
		_ = os.MkdirAll(layouts, 0o755)
		single := "<!DOCTYPE html><html lang=\"{{ .Language.Lang }}\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n"
		list := "<!DOCTYPE html><html lang=\"{{ .Language.Lang }}\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n"
		_ = os.WriteFile(filepath.Join(layouts, "single.html"), []byte(single), 0o644)
		_ = os.WriteFile(filepath.Join(layouts, "list.html"), []byte(list), 0o644)
	}
	fmt.Printf("wrote %d notices to %s\n", n, out)
	return nil
}

// vary changes a notice into another plausible one: id, title, controller,
// dates, retention periods, and the order of its lists.
func vary(m *yaml.Node, id, place, service string, rng *rand.Rand) {
	set := func(key, value string) {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				m.Content[i+1] = &yaml.Node{Kind: yaml.ScalarNode, Value: value, Tag: "!!str"}
			}
		}
	}
	get := func(n *yaml.Node, key string) *yaml.Node {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
		return nil
	}
	set("id", id)
	set("version", fmt.Sprintf("%d.%d", 1+rng.Intn(3), rng.Intn(10)))
	set("updated", fmt.Sprintf("20%02d-%02d-%02d", 18+rng.Intn(8), 1+rng.Intn(12), 1+rng.Intn(28)))
	if t := get(m, "title"); t != nil {
		for i := 1; i < len(t.Content); i += 2 {
			t.Content[i].Value += " – " + service + " i " + place
		}
	}
	if c := get(m, "controller"); c != nil {
		if name := get(c, "name"); name != nil {
			name.Value = place + " kommune"
		}
		if org := get(c, "org_number"); org != nil {
			org.Value = "974760673"
		}
	}
	if ret := get(m, "retention"); ret != nil {
		for _, r := range ret.Content {
			if p := get(r, "period"); p != nil {
				p.Value = periods[rng.Intn(len(periods))]
			}
		}
	}
	// Reorder categories: validation and rendering must not depend on it.
	if cats := get(m, "categories"); cats != nil && rng.Intn(2) == 0 {
		sort.SliceStable(cats.Content, func(i, j int) bool { return i > j })
	}
}
