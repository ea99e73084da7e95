package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/testtool"
	"gopkg.in/yaml.v3"
)

// ciStep is one shell step of a generated CI file, with its environment.
type ciStep struct {
	name string
	env  map[string]string
	run  string
}

type githubWorkflow struct {
	On struct {
		PullRequest struct {
			Types []string `yaml:"types"`
		} `yaml:"pull_request"`
	} `yaml:"on"`
	Env  map[string]string `yaml:"env"`
	Jobs map[string]struct {
		Steps []struct {
			Name string            `yaml:"name"`
			Uses string            `yaml:"uses"`
			With map[string]any    `yaml:"with"`
			Env  map[string]string `yaml:"env"`
			Run  string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

type gitlabJob struct {
	Script []string `yaml:"script"`
}

// expressions are the values GitHub puts in for the workflow's ${{ }}
// expressions, in the test; an expression not listed fails it.
var exprRE = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// runStep runs a shell step in dir the way GitHub Actions and GitLab run
// them (bash -e -o pipefail) and returns its exit status and output.
func runStep(t *testing.T, dir string, env map[string]string, script string) (int, string) {
	t.Helper()
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PERSONVERN_CACHE=off", "GIT_CONFIG_GLOBAL=/dev/null")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), string(out)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

// TestInitWorkflow runs init, then the shell steps of the GitHub workflow
// and the GitLab pipeline it wrote against a scratch repository: the check
// passes on a clean repository, and the sign-off gate asks for the label
// exactly when a change is material, a notice is new or removed, and
// fails with trouble when a notice cannot be read.
func TestInitWorkflow(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	if _, err := exec.LookPath("personvern"); err != nil {
		t.Fatal("testscript.Main puts personvern on PATH:", err)
	}
	repo := filepath.Join(t.TempDir(), "personvern-fjellvikoy")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"init", repo, "--pin", "v1.2.3"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}

	// The GitHub workflow as written.
	src, err := os.ReadFile(filepath.Join(repo, ".github", "workflows", "personvern.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf githubWorkflow
	if err := yaml.Unmarshal(src, &wf); err != nil {
		t.Fatalf("workflow is not YAML: %v", err)
	}
	if !slices.Contains(wf.On.PullRequest.Types, "labeled") {
		t.Errorf("the gate does not run again when a label is added: types %v", wf.On.PullRequest.Types)
	}
	if wf.Env["PERSONVERN_VERSION"] != "v1.2.3" {
		t.Errorf("PERSONVERN_VERSION %q, want the pinned v1.2.3", wf.Env["PERSONVERN_VERSION"])
	}
	steps := map[string][]ciStep{}
	for name, job := range wf.Jobs {
		installed := false
		for _, s := range job.Steps {
			if strings.HasPrefix(s.Uses, "actions/checkout@") && s.With["fetch-depth"] != 0 {
				t.Errorf("job %s checks out without fetch-depth: 0, so the history is shallow", name)
			}
			if s.Run == "" {
				continue
			}
			if strings.HasPrefix(s.Run, "go install ") {
				// The network is not the test's: the personvern of
				// this checkout is on PATH instead.
				if !strings.Contains(s.Run, "github.com/personvern/personvern/cmd/personvern@$PERSONVERN_VERSION") {
					t.Errorf("job %s installs %q, not the pinned personvern", name, s.Run)
				}
				installed = true
				continue
			}
			if strings.Contains(s.Run, "go run") {
				t.Errorf("job %s: go run turns exit status 2 into 1; call the installed binary: %s", name, s.Run)
			}
			if strings.Contains(s.Run, "personvern") && !installed {
				t.Errorf("job %s calls personvern before installing it", name)
			}
			steps[name] = append(steps[name], ciStep{name: s.Name, env: s.Env, run: s.Run})
		}
	}
	if len(steps["check"]) != 2 || len(steps["sign-off"]) != 1 {
		t.Fatalf("steps: %v", steps)
	}

	// The GitLab pipeline as written.
	src, err = os.ReadFile(filepath.Join(repo, ".gitlab-ci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var gl map[string]any
	if err := yaml.Unmarshal(src, &gl); err != nil {
		t.Fatalf(".gitlab-ci.yml is not YAML: %v", err)
	}
	var glJobs struct {
		Variables map[string]string `yaml:"variables"`
		Validate  gitlabJob         `yaml:"personvern-validate"`
		Site      gitlabJob         `yaml:"personvern-site"`
		SignOff   gitlabJob         `yaml:"personvern-sign-off"`
	}
	_ = yaml.Unmarshal(src, &glJobs)
	if glJobs.Variables["GIT_DEPTH"] != "0" || glJobs.Variables["PERSONVERN_VERSION"] != "v1.2.3" {
		t.Errorf("GitLab variables %v", glJobs.Variables)
	}

	// A scratch repository: the organisation has written one notice.
	git := testtool.Git(t, repo)
	added, err := os.ReadFile("testdata/added/barnehageplass.yaml")
	if err != nil {
		t.Fatal(err)
	}
	notice := filepath.Join(repo, "notices", "barnehageplass.yaml")
	if err := os.Remove(filepath.Join(repo, "notices", starterID+".yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(notice, added, 0o644); err != nil {
		t.Fatal(err)
	}
	git("init", "-q", "-b", "main")
	git("add", ".")
	git("commit", "-q", "-m", "the first notice")
	if code, out := runStep(t, repo, nil, "personvern build"); code != 0 {
		t.Fatalf("build: %d\n%s", code, out)
	}
	git("add", ".")
	git("commit", "-q", "-m", "site")
	base := strings.TrimSpace(gitOut(t, repo, "rev-parse", "HEAD"))

	for _, s := range steps["check"] {
		if code, out := runStep(t, repo, wf.Env, s.run); code != 0 {
			t.Errorf("check step %q on a clean repository: exit %d\n%s", s.name, code, out)
		}
	}
	for _, line := range append(glJobs.Validate.Script, glJobs.Site.Script...) {
		if code, out := runStep(t, repo, nil, line); code != 0 {
			t.Errorf("GitLab %q on a clean repository: exit %d\n%s", line, code, out)
		}
	}

	gates := map[string]func(labelled bool) (int, string){
		"github": func(labelled bool) (int, string) {
			s := steps["sign-off"][0]
			values := map[string]string{
				"github.event.pull_request.base.sha":                                       base,
				"contains(github.event.pull_request.labels.*.name, 'personvern-godkjent')": map[bool]string{true: "true", false: "false"}[labelled],
			}
			env := map[string]string{}
			for k, v := range s.env {
				env[k] = exprRE.ReplaceAllStringFunc(v, func(m string) string {
					e := exprRE.FindStringSubmatch(m)[1]
					val, ok := values[e]
					if !ok {
						t.Fatalf("the test does not know the expression %s", m)
					}
					return val
				})
			}
			return runStep(t, repo, env, s.run)
		},
		"gitlab": func(labelled bool) (int, string) {
			labels := "docs"
			if labelled {
				labels = "docs,personvern-godkjent"
			}
			env := map[string]string{"CI_MERGE_REQUEST_DIFF_BASE_SHA": base, "CI_MERGE_REQUEST_LABELS": labels, "CI_PIPELINE_SOURCE": "merge_request_event"}
			return runStep(t, repo, env, strings.Join(glJobs.SignOff.Script, "\n"))
		},
	}

	other, err := os.ReadFile(filepath.Join(testtool.Corpus(), "joblearn.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		change func()
		// exit status without and with the label
		unlabelled, labelled int
	}{
		{"no notice changed", func() { _ = os.WriteFile(filepath.Join(repo, "README.md"), []byte("hei\n"), 0o644) }, 0, 0},
		{"wording only", func() {
			b := bytes.Replace(added, []byte("Uten søknad kan vi ikke gi barnet plass."), []byte("Uten en søknad kan vi ikke gi barnet plass."), 1)
			b = bytes.Replace(b, []byte(`version: "1.0"`), []byte(`version: "1.1"`), 1)
			_ = os.WriteFile(notice, bytes.Replace(b, []byte("updated: 2025-03-01"), []byte("updated: 2025-04-01"), 1), 0o644)
		}, 0, 0},
		// A changed notice whose version and date stay as they were is
		// stopped by the gate, whatever the class, until it is signed off;
		// the note to the editor says why.
		{"version not raised", func() {
			_ = os.WriteFile(notice, bytes.Replace(added, []byte("Uten søknad kan vi ikke gi barnet plass."), []byte("Uten en søknad kan vi ikke gi barnet plass."), 1), 0o644)
		}, 1, 0},
		{"longer retention", func() {
			_ = os.WriteFile(notice, bytes.Replace(added, []byte("period: P2Y"), []byte("period: P5Y"), 1), 0o644)
		}, 1, 0},
		{"new notice", func() { _ = os.WriteFile(filepath.Join(repo, "notices", "joblearn.yaml"), other, 0o644) }, 1, 0},
		{"notice removed", func() { _ = os.Remove(notice) }, 1, 0},
		{"defaults changed", func() {
			_ = os.WriteFile(filepath.Join(repo, "notices", "personvern.yaml"), []byte("title: {nb: Fjellvikøy, nn: Fjellvikøy}\n"), 0o644)
		}, 1, 0},
		{"a notice that cannot be read", func() { _ = os.WriteFile(notice, []byte("id: [\n"), 0o644) }, 2, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			git("checkout", "-q", "-B", "change", base)
			tc.change()
			git("add", "-A")
			git("commit", "-q", "--allow-empty", "-m", tc.name)
			for ci, gate := range gates {
				for _, labelled := range []bool{false, true} {
					want := tc.unlabelled
					if labelled {
						want = tc.labelled
					}
					if code, out := gate(labelled); code != want {
						t.Errorf("%s gate, labelled %v: exit %d, want %d\n%s", ci, labelled, code, want, out)
					}
				}
			}
		})
	}
}

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %v: %v", args, err)
	}
	return string(out)
}

// TestInitOverwritesNothing: init into a folder that holds one of its
// files writes nothing at all.
func TestInitOverwritesNothing(t *testing.T) {
	dir := t.TempDir()
	mine := []byte("node_modules/\n")
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"init", dir, "--pin", "v1.2.3"}, nil, &stdout, &stderr); code != exitTrouble {
		t.Fatalf("exit %d, want 2", code)
	}
	if !strings.Contains(stderr.String(), filepath.Join(dir, ".gitignore")) || !strings.Contains(stderr.String(), "nothing was written") {
		t.Errorf("message: %s", stderr.String())
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ".gitignore")); !bytes.Equal(b, mine) {
		t.Error(".gitignore was changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("init wrote files: %v", entries)
	}
	// A folder on the way that is a link out of DIR stops it too.
	dir2 := t.TempDir()
	if err := os.Symlink(t.TempDir(), filepath.Join(dir2, "notices")); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := run([]string{"init", dir2, "--pin", "v1.2.3"}, nil, &stdout, &stderr); code != exitTrouble || !strings.Contains(stderr.String(), "not a folder") {
		t.Errorf("init through a link: exit %d: %s", code, stderr.String())
	}
}

// TestActionAndHook: the composite action and the pre-commit hooks at the
// root of this repository are what GitHub and pre-commit accept, and call
// the personvern binary.
func TestActionAndHook(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testtool.Root(), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Name string `yaml:"name"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				Uses  string `yaml:"uses"`
				Shell string `yaml:"shell"`
				Run   string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(src, &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" || len(action.Runs.Steps) == 0 {
		t.Fatalf("action.yml: %+v", action)
	}
	for _, s := range action.Runs.Steps {
		// A composite action's run steps must name their shell.
		if s.Run != "" && s.Shell == "" {
			t.Errorf("action.yml: step %q has no shell", s.Run)
		}
		if strings.Contains(s.Run, "go run") {
			t.Errorf("action.yml: %q: call the installed binary", s.Run)
		}
	}
	src, err = os.ReadFile(filepath.Join(testtool.Root(), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Name, Entry, Language, Files string
	}
	if err := yaml.Unmarshal(src, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) == 0 {
		t.Fatal("no hooks")
	}
	for _, h := range hooks {
		if h.ID == "" || h.Name == "" || h.Language != "golang" || !strings.HasPrefix(h.Entry, "personvern ") {
			t.Errorf("hook %+v", h)
		}
		if _, err := regexp.Compile(h.Files); err != nil {
			t.Errorf("hook %s: files: %v", h.ID, err)
		}
	}
}
