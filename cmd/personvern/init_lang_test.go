package main

import (
	"os/exec"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestInitCILanguage: the step names and the sign-off gate's messages in
// the CI files init writes are in the messages' language, with the
// Norwegian citation form; the files stay YAML and the scripts stay shell
// (language review rv6nb 2, nb6 3).
func TestInitCILanguage(t *testing.T) {
	english := []string{"Install personvern", "Validate", "The committed site is up to date", "sign-off", "notice removed", "new notice", "its defaults apply", "Material changes", "signs off", "GDPR"}
	want := map[string][]string{
		"nb": {"- name: Installer personvern", "- name: Kontroller erklæringene", "- name: Nettstedet i git er oppdatert", "- name: Vesentlige endringer må godkjennes av personvernombudet",
			`echo "$file er endret: standardverdiene gjelder alle erklæringene"`, `echo "$file: ny erklæring"`, `echo "$file: erklæringen er fjernet"`,
			`echo "Vesentlige endringer: folk skal få vite om dem før de gjelder (personvernforordningen artikkel 13 nr. 3)."`,
			`echo "Personvernombudet godkjenner ved å legge til etiketten personvern-godkjent."`},
		"nn": {"- name: Installer personvern", "- name: Kontroller erklæringane", "- name: Nettstaden i git er oppdatert", "- name: Vesentlege endringar må godkjennast av personvernombodet",
			`echo "$file er endra: standardverdiane gjeld alle erklæringane"`, `echo "$file: ny erklæring"`, `echo "$file: erklæringa er fjerna"`,
			`echo "Vesentlege endringar: folk skal få vite om dei før dei gjeld (personvernforordninga artikkel 13 nr. 3)."`,
			`echo "Personvernombodet godkjenner ved å leggje til etiketten personvern-godkjent."`},
	}
	bash, _ := exec.LookPath("bash")
	for lang, lines := range want {
		files, err := initContents("v1.2.3", lang)
		if err != nil {
			t.Fatal(err)
		}
		gh, gl := string(files[".github/workflows/personvern.yml"]), string(files[".gitlab-ci.yml"])
		for _, w := range lines {
			if !strings.Contains(gh, w) {
				t.Errorf("%s: the workflow lacks %q", lang, w)
			}
			if strings.HasPrefix(w, "echo") && !strings.Contains(gl, w) {
				t.Errorf("%s: .gitlab-ci.yml lacks %q", lang, w)
			}
		}
		for name, src := range map[string]string{"workflow": gh, "gitlab": gl} {
			for _, l := range strings.Split(src, "\n") {
				if strings.HasPrefix(strings.TrimSpace(l), "#") {
					continue
				}
				if s := strings.TrimSpace(l); strings.HasPrefix(s, "- name:") || strings.Contains(s, "echo ") {
					for _, e := range english {
						if strings.Contains(s, e) {
							t.Errorf("%s %s: English %q in %q", lang, name, e, s)
						}
					}
				}
			}
		}
		var wf githubWorkflow
		if err := yaml.Unmarshal([]byte(gh), &wf); err != nil {
			t.Fatalf("%s: workflow is not YAML: %v", lang, err)
		}
		var glJobs struct {
			SignOff gitlabJob `yaml:"personvern-sign-off"`
		}
		if err := yaml.Unmarshal([]byte(gl), &glJobs); err != nil {
			t.Fatalf("%s: .gitlab-ci.yml is not YAML: %v", lang, err)
		}
		if bash == "" {
			continue
		}
		scripts := []string{strings.Join(glJobs.SignOff.Script, "\n")}
		for _, job := range wf.Jobs {
			for _, s := range job.Steps {
				if s.Run != "" {
					scripts = append(scripts, s.Run)
				}
			}
		}
		for _, s := range scripts {
			cmd := exec.Command(bash, "-n")
			cmd.Stdin = strings.NewReader(s)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s: bash -n: %v\n%s\n%s", lang, err, out, s)
			}
		}
	}
}
