package site

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHostGuard: the preview answers only for its own names, so that a
// page on another site cannot read it by pointing its own name at
// 127.0.0.1 (DNS rebinding).
func TestHostGuard(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("site")) })
	tests := []struct {
		name, told, bound, host string
		want                    int
	}{
		{"loopback address", "127.0.0.1:8080", "127.0.0.1:8080", "127.0.0.1:8080", 200},
		{"localhost", "127.0.0.1:8080", "127.0.0.1:8080", "localhost:8080", 200},
		{"localhost in capitals", "127.0.0.1:8080", "127.0.0.1:8080", "LOCALHOST:8080", 200},
		{"IPv6 loopback", "127.0.0.1:8080", "127.0.0.1:8080", "[::1]:8080", 200},
		{"port 0 told, port bound", "127.0.0.1:0", "127.0.0.1:41234", "localhost:41234", 200},
		{"address told", "192.168.1.5:8080", "192.168.1.5:8080", "192.168.1.5:8080", 200},
		{"name told", "preview.local:8080", "192.168.1.5:8080", "preview.local:8080", 200},
		{"port 80 without port", "127.0.0.1:80", "127.0.0.1:80", "localhost", 200},
		{"all addresses, LAN address", "0.0.0.0:8080", "[::]:8080", "192.168.1.5:8080", 200},
		{"rebinding name", "127.0.0.1:8080", "127.0.0.1:8080", "evil.example:8080", 421},
		{"rebinding name without port", "127.0.0.1:8080", "127.0.0.1:8080", "evil.example", 421},
		{"localhost as a subdomain", "127.0.0.1:8080", "127.0.0.1:8080", "localhost.evil.example:8080", 421},
		{"own name, other port", "127.0.0.1:8080", "127.0.0.1:8080", "localhost:9090", 421},
		{"port 80 name on another port", "127.0.0.1:8080", "127.0.0.1:8080", "localhost", 421},
		{"empty Host", "127.0.0.1:8080", "127.0.0.1:8080", "", 421},
		{"all addresses, rebinding name", "0.0.0.0:8080", "[::]:8080", "evil.example:8080", 421},
		{"all addresses, IP on other port", ":8080", "[::]:8080", "192.168.1.5:9090", 421},
		{"address told, loopback IP elsewhere", "192.168.1.5:8080", "192.168.1.5:8080", "10.0.0.1:8080", 421},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := HostGuard(ok, tt.told, tt.bound)
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.Host = tt.host
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Fatalf("Host %q: %d, want %d", tt.host, rec.Code, tt.want)
			}
			body := rec.Body.String()
			if tt.want == 200 {
				if body != "site" {
					t.Errorf("body %q", body)
				}
				return
			}
			if strings.Contains(body, "site") || !strings.Contains(body, "only for its own address") {
				t.Errorf("refusal body %q", body)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
				t.Errorf("refusal Content-Type %q", ct)
			}
		})
	}
}
