package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/personvern/personvern/internal/site"
	"github.com/spf13/cobra"
)

func newServeCmd() *cobra.Command {
	var sf siteFlags
	var addr string
	var interval time.Duration
	cmd := &cobra.Command{
		Use:   "serve [PATH...]",
		Short: "Build the site in memory and serve it on 127.0.0.1, rebuilding on change",
		Long: `Preview the site while editing: serve builds it in memory, serves it on
127.0.0.1 (or --addr), and rebuilds when a notice or the configuration
changes; only the notices that changed are made again. A notice that does
not validate shows its findings in the browser in place of its page.
Nothing is written to disk. Only requests for serve's own address
(127.0.0.1, localhost or [::1] with its port, or --addr) are answered;
others get 421, so that no other web site can read the preview.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkLang(cmd); err != nil {
				return err
			}
			if len(args) == 0 {
				args = []string{"notices"}
			}
			m, err := messagesFor(cmd)
			if err != nil {
				return err
			}
			opt, _, err := sf.load(args)
			if err != nil {
				return err
			}
			opt.Lenient = true
			srv := site.NewServer(args, *opt)
			if err := srv.Rebuild(); err != nil {
				return trouble("%v", err)
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return trouble("cannot listen on %s: %v", addr, err)
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			go srv.Watch(ctx, interval, func(err error) {
				if err != nil {
					fmt.Fprintln(cmd.ErrOrStderr(), say(m, "rebuild failed: %v", err))
					return
				}
				fmt.Fprintln(cmd.ErrOrStderr(), say(m, "rebuilt: %s", srv.Status()))
			})
			fmt.Fprintln(cmd.ErrOrStderr(), say(m, "serving %s on http://%s/ (%s); Ctrl-C stops", args[0], ln.Addr(), srv.Status()))
			hs := &http.Server{Handler: site.HostGuard(srv, addr, ln.Addr().String()), ReadHeaderTimeout: 5 * time.Second}
			go func() {
				<-ctx.Done()
				shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				defer cancel()
				_ = hs.Shutdown(shutdown)
			}()
			if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return trouble("%v", err)
			}
			return nil
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on; keep 127.0.0.1 to serve only this machine")
	cmd.Flags().DurationVar(&interval, "poll", 500*time.Millisecond, "how often to look for changed notices")
	return cmd
}
