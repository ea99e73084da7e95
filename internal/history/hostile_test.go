package history

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personvern/personvern/internal/notice"
)

// TestHistoryHostile: history reads git objects only. A commit that made
// the notice a symbolic link to a notice outside the repository is no
// version (the link is never followed, nor its blob read), and one that
// made personvern.yaml a folder is a commit without a configuration,
// after which the versions before it are still read right (git's answer
// of a tree is not left in the pipe to be read as the next blob).
func TestHistoryHostile(t *testing.T) {
	dir, git, src := repo(t)
	version := func(v, updated string) []byte {
		b := bytes.Replace(src, []byte(`version: "1.0"`), []byte(`version: "`+v+`"`), 1)
		return bytes.Replace(b, []byte("updated: 2023-09-01"), []byte("updated: "+updated), 1)
	}
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	if err := os.WriteFile(outside, version("0.9", "2020-01-01"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "joblearn.yaml")
	cfg := filepath.Join(dir, "personvern.yaml")
	config := []byte("defaults:\n  complaint: datatilsynet\n")
	write := func(name string, b []byte) {
		t.Helper()
		if err := os.RemoveAll(name); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, file); err != nil {
		t.Fatal(err)
	}
	write(cfg, config)
	git("add", ".")
	git("commit", "-q", "-m", "a link out")
	write(file, version("1.0", "2023-09-01"))
	git("add", "-A")
	git("commit", "-q", "-m", "1.0")
	if err := os.Remove(cfg); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(cfg, "x"), []byte("not a configuration\n"))
	write(file, version("1.1", "2023-10-01"))
	git("add", "-A")
	git("commit", "-q", "-m", "1.1, personvern.yaml a folder")
	write(cfg, config)
	write(file, version("2.0", "2024-03-01"))
	git("add", "-A")
	git("commit", "-q", "-m", "2.0")

	def, err := notice.ConfigDefaults(cfg, config)
	if err != nil {
		t.Fatal(err)
	}
	l := notice.Loader{Defaults: def}
	d, err := l.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	h := New(l)
	defer h.Close()
	var got []string
	for _, v := range h.Versions(file, d) {
		got = append(got, v.Version)
	}
	if len(got) != 2 || got[0] != "1.1" || got[1] != "1.0" {
		t.Errorf("versions %q, want 1.1 and 1.0 (not the notice the link pointed at)", got)
	}
	if n := h.count.byID.Load(); n != 2 {
		t.Errorf("%d blobs read by id, want 2: the link's blob is not read", n)
	}
}

// TestCommittedBareRepository: a pull request commits, as ordinary files,
// a bare repository into a folder of notices (HEAD, objects/, refs/, a
// config asking for signatures to be shown with gpg.program set to a
// script it commits beside them). Reading that folder's history must not
// run the script: git is never to take the folder as a repository.
func TestCommittedBareRepository(t *testing.T) {
	dir, git, src := repo(t)
	evil := filepath.Join(dir, "evil")
	bare := filepath.Join(t.TempDir(), "bare")
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("git", args...).Output()
		if err != nil {
			t.Fatalf("git %v: %v", args, err)
		}
		return strings.TrimSpace(string(out))
	}
	run("init", "-q", "--bare", bare)
	hashIn := func(typ, body string) string {
		t.Helper()
		cmd := exec.Command("git", "--git-dir="+bare, "hash-object", "-w", "-t", typ, "--stdin")
		cmd.Stdin = strings.NewReader(body)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(out))
	}
	blob := hashIn("blob", "x\n")
	mk := exec.Command("git", "--git-dir="+bare, "mktree")
	mk.Stdin = strings.NewReader("100644 blob " + blob + "\tx\n")
	tree, err := mk.Output()
	if err != nil {
		t.Fatal(err)
	}
	commit := hashIn("commit", "tree "+strings.TrimSpace(string(tree))+"\nauthor a <a@b> 0 +0000\ncommitter a <a@b> 0 +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n -----END PGP SIGNATURE-----\n\nsigned\n")
	run("--git-dir="+bare, "update-ref", "refs/heads/master", commit)
	if err := os.MkdirAll(evil, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("cp", "-r", filepath.Join(bare, "HEAD"), filepath.Join(bare, "objects"), filepath.Join(bare, "refs"), evil).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	marker := filepath.Join(t.TempDir(), "ran")
	files := map[string]string{
		"config":    "[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ./pwn\n",
		"pwn":       "#!/bin/sh\necho ran > " + marker + "\ncat >/dev/null\n",
		"evil.yaml": string(src),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(evil, name), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	git("add", "-A")
	git("commit", "-q", "-m", "a bare repository as files")
	var l notice.Loader
	file := filepath.Join(evil, "evil.yaml")
	d, err := l.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	h := New(l)
	h.Versions(file, d)
	h.Close()
	FindGap([]string{file})
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("reading the history of a folder ran a program committed into it")
	}
}

// TestParseLogNames: a file's name is taken by its place in git log's
// stream, not by what it holds: a name with the commit marker (0x1e) and
// a commit id in it neither forges a version of another file nor hides
// the entries that follow it.
func TestParseLogNames(t *testing.T) {
	c1, c2 := strings.Repeat("a", 40), strings.Repeat("b", 40)
	blob, forged := strings.Repeat("1", 40), strings.Repeat("2", 40)
	meta := func(b, st string) string { return "\n:100644 100644 " + strings.Repeat("0", 40) + " " + b + " " + st }
	log := "\x1e" + c2 + "\x00" +
		meta(forged, "A") + "\x00joblearn.yaml\x1e" + c1 + "\x00" +
		meta(forged, "A") + "\x00x\x1eanything\x00" +
		meta(blob, "M") + "\x00kvp.yaml\x00" +
		"\x1e" + c1 + "\x00" + meta(blob, "A") + "\x00joblearn.yaml\x00"
	commits, blobs := parseLog([]byte(log))
	if got := commits["joblearn.yaml"]; len(got) != 1 || got[0] != c1 || blobs["joblearn.yaml"][0] != blob {
		t.Errorf("joblearn.yaml: commits %v blobs %v, want only %s with %s", got, blobs["joblearn.yaml"], c1, blob)
	}
	if got := commits["kvp.yaml"]; len(got) != 1 || got[0] != c2 {
		t.Errorf("kvp.yaml: commits %v, want %s: an entry after a name with 0x1e is kept", got, c2)
	}
}
