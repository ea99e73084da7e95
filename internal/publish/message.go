package publish

import "github.com/personvern/personvern/internal/notice"

// Msg is a message of the publisher kept for translation, as the loader's
// are: String is the English text, and Translate (i18n.Translatable) says
// it with the Sprintf of the user's language, which translates a Msg among
// its arguments too; so a refusal or a warning of a build reads in the
// language of the rest of the run (review nb8x 16: "output folder holds
// files personvern did not make" in a bokmål session). The formats are
// keys of templates/lang/cli.*.yaml.
type Msg = notice.Msg

func msgf(format string, args ...any) Msg { return Msg{Format: format, Args: args} }

// msgError is a refusal whose message is kept for translation; it wraps
// err (ErrForeign, ErrUnsafeOutput, an error of the system) for errors.Is.
type msgError struct {
	Msg
	err error
}

func errorf(wrapped error, format string, args ...any) error {
	return &msgError{Msg: msgf(format, args...), err: wrapped}
}

func (e *msgError) Error() string { return e.Msg.String() }
func (e *msgError) Unwrap() error { return e.err }

// kind is safefs.Kind's word, translated with the message it is in (the
// catalogue test lists safefs's words).
func kind(format string) Msg { return Msg{Format: format} }
