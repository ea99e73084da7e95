package notice

import (
	"encoding/json"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestName(t *testing.T) {
	tests := []struct {
		yaml, json, nb, nn string
	}{
		{`NAV`, `"NAV"`, "NAV", "NAV"},
		{`{nb: Hallingdal barneverntjeneste, nn: Hallingdal barnevernteneste}`, `{"nb":"Hallingdal barneverntjeneste","nn":"Hallingdal barnevernteneste"}`, "Hallingdal barneverntjeneste", "Hallingdal barnevernteneste"},
		{`{nb: Bare bokmål}`, `{"nb":"Bare bokmål"}`, "Bare bokmål", ""},
	}
	for _, tt := range tests {
		var n Name
		if err := yaml.Unmarshal([]byte(tt.yaml), &n); err != nil {
			t.Fatalf("%s: %v", tt.yaml, err)
		}
		if n.In("nb") != tt.nb || n.In("nn") != tt.nn {
			t.Errorf("%s: nb %q nn %q", tt.yaml, n.In("nb"), n.In("nn"))
		}
		b, err := json.Marshal(n)
		if err != nil || string(b) != tt.json {
			t.Errorf("%s: JSON %s, want %s (%v)", tt.yaml, b, tt.json, err)
		}
		var back Name
		if err := json.Unmarshal(b, &back); err != nil || back.Key() != n.Key() {
			t.Errorf("%s: JSON round trip gave %v (%v)", tt.yaml, back, err)
		}
	}
	a, b := Name{"nb": "X", "nn": "Y"}, Name{"nb": "X", "nn": "Z"}
	if a.Key() == b.Key() {
		t.Error("names that differ in nynorsk alone have the same key")
	}
	if PlainName("X").Key() == (Name{"nb": "X"}).Key() {
		t.Error("a name written once and one written in bokmål only have the same key")
	}
	var n Name
	if err := yaml.Unmarshal([]byte(`[a, b]`), &n); err == nil {
		t.Error("a list was taken as a name")
	}
}
