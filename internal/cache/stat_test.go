package cache

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestTrust is the rule git calls "racy": a Stat stands for the content
// only when every part of it is unchanged and the file was last changed
// well before the run that recorded it began; a file changed just before
// or during that run may have kept its time stamps through an edit.
func TestTrust(t *testing.T) {
	sec := int64(time.Second)
	old := Stat{Size: 10, ModTime: 100 * sec, ChangeTime: 100 * sec, Inode: 7, Device: 1}
	tests := []struct {
		name  string
		now   Stat
		stamp int64
		want  bool
	}{
		{"unchanged, long before the run", old, 200 * sec, true},
		{"unchanged, changed as the run began", old, 100 * sec, false},
		{"unchanged, changed a second before the run", old, 101 * sec, false},
		{"unchanged, changed during the run", old, 99 * sec, false},
		{"other size", Stat{Size: 11, ModTime: 100 * sec, ChangeTime: 100 * sec, Inode: 7, Device: 1}, 200 * sec, false},
		{"other time", Stat{Size: 10, ModTime: 100*sec + 1, ChangeTime: 100 * sec, Inode: 7, Device: 1}, 200 * sec, false},
		{"other change time (an edit that set the time back)", Stat{Size: 10, ModTime: 100 * sec, ChangeTime: 150 * sec, Inode: 7, Device: 1}, 200 * sec, false},
		{"other file (replaced)", Stat{Size: 10, ModTime: 100 * sec, ChangeTime: 100 * sec, Inode: 8, Device: 1}, 200 * sec, false},
		{"other disk", Stat{Size: 10, ModTime: 100 * sec, ChangeTime: 100 * sec, Inode: 7, Device: 2}, 200 * sec, false},
	}
	for _, tt := range tests {
		if got := old.Trust(tt.now, tt.stamp); got != tt.want {
			t.Errorf("%s: Trust = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCheckEditKeepingSizeAndTime: an edit that keeps the size and sets
// the modification time back is still seen (the change time moves), and
// Check then reads and hashes the file.
func TestCheckEditKeepingSizeAndTime(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a.yaml")
	if err := os.WriteFile(name, []byte("period: P1Y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(name, old, old); err != nil {
		t.Fatal(err)
	}
	rec, err := StatFile(name)
	if err != nil {
		t.Fatal(err)
	}
	sum := Key([]byte("period: P1Y\n"))
	// As recorded by a run that began three seconds after the file was
	// last changed (its change time is now: Chtimes sets it).
	stamp := time.Now().Add(3 * time.Second).UnixNano()
	time.Sleep(20 * time.Millisecond) // past the file system's clock tick
	same, _, _, src, err := Check(name, rec, sum, stamp, os.ReadFile)
	if err != nil || !same || src != nil {
		t.Fatalf("unchanged file: same %v, read %v, err %v; want trusted without a read", same, src != nil, err)
	}
	if err := os.WriteFile(name, []byte("period: P2Y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, old, old); err != nil {
		t.Fatal(err)
	}
	now, err := StatFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if now.Size != rec.Size || now.ModTime != rec.ModTime || now.Inode != rec.Inode {
		t.Fatalf("the edit did not keep size, time and file: %+v, was %+v", now, rec)
	}
	same, _, _, src, err = Check(name, rec, sum, stamp, os.ReadFile)
	if err != nil || same || src == nil {
		t.Fatalf("edited file: same %v, read %v, err %v; want read and found changed", same, src != nil, err)
	}
}
