package notice

import (
	"path/filepath"
	"sync"
)

// Loader is the one way every command loads a notice, so that validate,
// render, build, serve, diff and the version history all see the same
// notice: read as every input is read, then parsed with the defaults of
// the personvern.yaml that applies to it, findings in the defaults
// pointing into that file.
type Loader struct {
	// Defaults, when set, apply to every notice (build --defaults, or the
	// configuration named with --config).
	Defaults *Defaults
	// For, when Defaults is nil, gives the defaults that apply to a notice
	// in folder dir (the personvern.yaml there), or nil; it is asked once
	// per folder.
	For func(dir string) (*Defaults, error)

	mu     sync.Mutex
	byDir  map[string]*Defaults
	errDir map[string]error
}

// DefaultsOf returns the defaults that apply to the notice file.
func (l *Loader) DefaultsOf(file string) (*Defaults, error) {
	if l == nil {
		return nil, nil
	}
	if l.Defaults != nil || l.For == nil {
		return l.Defaults, nil
	}
	dir := filepath.Dir(file)
	l.mu.Lock()
	defer l.mu.Unlock()
	if d, ok := l.byDir[dir]; ok {
		return d, l.errDir[dir]
	}
	d, err := l.For(dir)
	if l.byDir == nil {
		l.byDir, l.errDir = map[string]*Defaults{}, map[string]error{}
	}
	l.byDir[dir], l.errDir[dir] = d, err
	return d, err
}

// Parse parses the notice src read from file with its defaults.
func (l *Loader) Parse(file string, src []byte) (*Document, error) {
	def, err := l.DefaultsOf(file)
	if err != nil {
		return nil, err
	}
	return ParseWithDefaults(file, src, def)
}

// Load reads the notice file and parses it with its defaults.
func (l *Loader) Load(file string) (*Document, error) {
	src, err := ReadFile(file)
	if err != nil {
		return nil, err
	}
	return l.Parse(file, src)
}
