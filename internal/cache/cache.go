// Package cache keeps results between runs of personvern, keyed by content
// hashes, so that validating or building thousands of notices redoes only
// the notices that changed.
//
// The cache lives outside the inputs and outputs, in the user's cache
// folder ($XDG_CACHE_HOME/personvern, usually ~/.cache/personvern), where
// CI can keep it between runs. PERSONVERN_CACHE names another folder, or
// turns the cache off with "off". A cache that cannot be read is treated
// as empty and a cache that cannot be written is skipped: the cache can
// make a run faster, never make it fail or give another result.
package cache

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Dir returns the cache folder, or "" when the cache is off or there is
// no place for it.
func Dir() string {
	switch d := os.Getenv("PERSONVERN_CACHE"); d {
	case "off", "0", "false":
		return ""
	case "":
	default:
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "personvern")
}

// Load opens the cache file name and hands its records to read (see
// Reader); it reports whether the file was there, in this format, and
// read returned nil. Large caches are many small records, not one value,
// each checked on its own: a damaged record costs that record only.
func Load(name string, read func(*Reader) error) bool {
	dir := Dir()
	if dir == "" {
		return false
	}
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return false
	}
	defer f.Close()
	r, err := newReader(f)
	if err != nil {
		return false
	}
	return read(r) == nil
}

// Save writes the cache file name with write, through a temporary file, so
// that a reader sees the old cache or the new one, never half of one.
func Save(name string, write func(*Writer) error) error {
	dir := Dir()
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, name+".tmp-*")
	if err != nil {
		return err
	}
	w := newWriter(tmp)
	err = write(w)
	if err == nil {
		err = w.flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, name))
}

// Key hashes its parts, each length-prefixed so that ("ab","c") and
// ("a","bc") differ, into a hex string.
func Key(parts ...[]byte) string {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		l := uint64(len(p))
		for i := range n {
			n[i] = byte(l >> (8 * i))
		}
		h.Write(n[:])
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Name turns a key into a cache file name with a readable prefix.
func Name(kind, key string) string { return kind + "-" + key[:32] }

var (
	buildIDOnce sync.Once
	buildID     string
)

// BuildID identifies the running program: Go's build ID, a hash of
// everything that went into the binary, templates and schema included.
// Results of another build of personvern are never reused. When it cannot
// be read it is a hash of the executable, and when even that fails a value
// that matches nothing.
func BuildID() string {
	buildIDOnce.Do(func() {
		exe, err := os.Executable()
		if err == nil {
			if f, err := elf.Open(exe); err == nil {
				if s := f.Section(".note.go.buildid"); s != nil {
					if b, err := s.Data(); err == nil {
						buildID = Key(b)
					}
				}
				f.Close()
			}
			if buildID == "" {
				if b, err := os.ReadFile(exe); err == nil {
					buildID = Key(b)
				}
			}
		}
		if buildID == "" {
			buildID = Key([]byte(time.Now().String()))
		}
	})
	return buildID
}

// Stat is what a file's metadata says about its content: when all of it
// is unchanged, so is the content (the test git uses for its index).
type Stat struct {
	Size, ModTime, ChangeTime int64
	Inode, Device             uint64
}

// StatFile returns the Stat of path.
func StatFile(path string) (Stat, error) { return statWith(os.Stat, path) }

// LstatFile returns the Stat of path itself, a link not followed.
func LstatFile(path string) (Stat, error) { return statWith(os.Lstat, path) }

func statWith(stat func(string) (os.FileInfo, error), path string) (Stat, error) {
	info, err := stat(path)
	if err != nil {
		return Stat{}, err
	}
	s := Stat{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
	fillStat(&s, info)
	return s, nil
}

// Trust reports whether s, recorded by a run that started at stamp (unix
// nanoseconds), can stand for the file's content now that it is again s.
// A file changed just before or during that run may have kept its time
// stamp through an edit (file times are coarser than the clock), so such
// entries are hashed again.
func (s Stat) Trust(now Stat, stamp int64) bool {
	return s == now && s.ModTime < stamp-int64(2*time.Second) && s.ChangeTime < stamp-int64(2*time.Second)
}

// Check tells whether the file at path still holds what an earlier run
// recorded of it: rec, its Stat then, and sum, Key of its content, in a
// run that started at stamp. A trusted Stat spares reading the file; else
// read reads it and its content is hashed. It returns the file's Stat and
// content hash now, and its content when it was read.
func Check(path string, rec Stat, sum string, stamp int64, read func(string) ([]byte, error)) (same bool, now Stat, nowSum string, src []byte, err error) {
	now, err = StatFile(path)
	if err != nil {
		return false, now, "", nil, err
	}
	if rec.Trust(now, stamp) {
		return true, now, sum, nil, nil
	}
	src, err = read(path)
	if err != nil {
		return false, now, "", nil, err
	}
	nowSum = Key(src)
	return nowSum == sum, now, nowSum, src, nil
}
