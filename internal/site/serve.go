package site

import (
	"context"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/personvern/personvern/internal/notice"
	"github.com/personvern/personvern/internal/publish"
)

// Server serves a site built in memory and rebuilds it when its notices
// change, making again only the notices that changed (see BuildCache). It
// is an http.Handler.
type Server struct {
	paths []string
	opt   Options

	mu    sync.RWMutex
	res   *Result
	files map[string][]byte
	stamp string
}

// memSink holds a site in memory, taking the files a build keeps from the
// last one, so that a save in a site of thousands of notices makes only
// the changed notice's pages again.
type memSink struct {
	mu          sync.Mutex
	files, last map[string][]byte
}

func (m *memSink) Put(p string, b []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[p] = b
	return nil
}

func (m *memSink) Keep(p string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.last[p]
	if !ok {
		return fmt.Errorf("%s is not in the last build", p)
	}
	m.files[p] = b
	return nil
}

// NewServer serves the notices under paths; opt.Lenient should be set so
// that a broken notice shows its findings instead of stopping the preview.
func NewServer(paths []string, opt Options) *Server {
	return &Server{paths: paths, opt: opt}
}

// stamp identifies the state of the notices and configuration: names,
// sizes and modification times. Polling it needs no extra dependency and
// works on every file system, including network mounts.
func (s *Server) currentStamp() string {
	files, _ := notice.Find(s.paths)
	if cp, _ := ConfigPath(files); cp != "" {
		files = append(files, cp)
	}
	if s.opt.Config.Defaults != nil {
		files = append(files, s.opt.Config.Defaults.Path)
	}
	sort.Strings(files)
	var b strings.Builder
	for _, f := range files {
		if info, err := os.Stat(f); err == nil {
			fmt.Fprintf(&b, "%s %d %d\n", f, info.Size(), info.ModTime().UnixNano())
		}
	}
	return b.String()
}

// Rebuild builds the site again from the files as they are now.
func (s *Server) Rebuild() error {
	stamp := s.currentStamp()
	opt := s.opt
	files, err := notice.Find(s.paths)
	if err != nil {
		return err
	}
	if cp, _ := ConfigPath(files); cp != "" {
		if cfg, err := LoadConfig(cp); err == nil {
			// keep flags' overrides: only the config file's own settings reload
			if opt.Config.Defaults == nil || opt.Config.Defaults.Path == cp {
				opt.Config.Defaults = cfg.Defaults
			}
		}
	}
	s.mu.RLock()
	sink := &memSink{files: map[string][]byte{}, last: s.files}
	if s.res != nil && s.res.Cache != nil {
		c := *s.res.Cache
		c.files = s.files
		opt.Cache = &c
	}
	s.mu.RUnlock()
	opt.Sink = sink
	res, err := Build(files, opt)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.res, s.files, s.stamp = res, sink.files, stamp
	s.mu.Unlock()
	return nil
}

// Status says what the current build holds.
func (s *Server) Status() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.res == nil {
		return "not built"
	}
	reused := ""
	if s.res.Reused > 0 {
		reused = fmt.Sprintf(" (%d unchanged)", s.res.Reused)
	}
	return fmt.Sprintf("%d notices%s, %d errors, %d warnings", s.res.Notices, reused, s.res.Errors, s.res.Warnings)
}

// Watch rebuilds whenever the notices change, until ctx ends.
func (s *Server) Watch(ctx context.Context, every time.Duration, done func(error)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.mu.RLock()
			old := s.stamp
			s.mu.RUnlock()
			if s.currentStamp() != old {
				done(s.Rebuild())
			}
		}
	}
}

// ServeHTTP serves a file of the site; folders serve their index.html.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if p == "" || strings.HasSuffix(r.URL.Path, "/") {
		p = path.Join(p, "index.html")
	}
	s.mu.RLock()
	body, ok := s.files[p]
	if !ok {
		if _, isDir := s.files[path.Join(p, "index.html")]; isDir {
			s.mu.RUnlock()
			http.Redirect(w, r, "/"+p+"/", http.StatusMovedPermanently)
			return
		}
	}
	s.mu.RUnlock()
	if !ok || p == publish.Marker {
		http.NotFound(w, r)
		return
	}
	ct := mime.TypeByExtension(path.Ext(p))
	if path.Ext(p) == ".md" {
		ct = "text/markdown; charset=utf-8"
	}
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(body)
}

// HostGuard lets through only requests addressed to the preview server by
// one of its own names: 127.0.0.1, localhost and [::1] with its port, and
// the address it was told to listen on (told, as given to --addr) or is
// bound to (bound). That stops DNS rebinding: a web page on another site
// that points its own name at 127.0.0.1 cannot read the preview, because
// the browser sends that name as Host. When the server listens on all
// addresses (0.0.0.0, ::), any IP address with its port is its own too: a
// browser sends an IP address as Host only when it was asked for that
// address, which rebinding cannot do. Other requests get 421 Misdirected
// Request.
func HostGuard(next http.Handler, told, bound string) http.Handler {
	_, port, err := net.SplitHostPort(bound)
	if err != nil {
		port = ""
	}
	g := &hostGuard{next: next, port: port, allowed: map[string]bool{}}
	for _, h := range []string{"127.0.0.1", "localhost", "::1"} {
		g.allow(h)
	}
	for _, a := range []string{told, bound} {
		h, _, err := net.SplitHostPort(a)
		if err != nil || h == "" {
			continue
		}
		if ip := net.ParseIP(h); ip != nil && ip.IsUnspecified() {
			g.anyIP = true
			continue
		}
		g.allow(h)
	}
	return g
}

type hostGuard struct {
	next    http.Handler
	port    string
	allowed map[string]bool
	anyIP   bool
}

// allow adds host with the server's port, as a browser writes it; on
// port 80 a browser leaves the port out.
func (g *hostGuard) allow(host string) {
	host = strings.ToLower(host)
	g.allowed[net.JoinHostPort(host, g.port)] = true
	if g.port == "80" {
		if strings.Contains(host, ":") {
			host = "[" + host + "]"
		}
		g.allowed[host] = true
	}
}

func (g *hostGuard) ownHost(hostHeader string) bool {
	h := strings.ToLower(hostHeader)
	if g.allowed[h] {
		return true
	}
	if !g.anyIP {
		return false
	}
	host, port, err := net.SplitHostPort(h)
	if err != nil {
		host, port = strings.Trim(h, "[]"), "80"
	}
	return port == g.port && net.ParseIP(host) != nil
}

func (g *hostGuard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !g.ownHost(r.Host) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusMisdirectedRequest)
		fmt.Fprintf(w, "personvern serve answers only for its own address; open http://127.0.0.1:%s/\n", g.port)
		return
	}
	g.next.ServeHTTP(w, r)
}
