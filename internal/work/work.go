// Package work spreads independent jobs over all cores.
package work

import (
	"runtime"
	"sync"
)

// Each runs f(0), ..., f(n-1) on GOMAXPROCS goroutines and returns when
// all are done. f must be safe to run concurrently with itself.
func Each(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
