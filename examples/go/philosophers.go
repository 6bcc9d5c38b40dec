// examples/go/philosophers.go: the Go twin of examples/philosophers.mp, used
// to produce examples/expected/philosophers.out. The butler's boolean guard
// becomes Go's nil-channel idiom: while no seat is free its sit channel is
// nil, a case that is never ready, as a false guard disables a case.
package main

import "fmt"

const (
	diners = 5
	meals  = 20
)

// Fork is a process: taken by one philosopher, then put back, in turn.
type Fork struct {
	take, drop chan bool
}

func (f Fork) serve() {
	for {
		<-f.take
		<-f.drop
	}
}

// butler lets a philosopher sit only while a seat is free.
func butler(seats int, sit, leave <-chan bool) {
	seated := 0
	for {
		sitIf := sit
		if !(seated < seats) {
			sitIf = nil
		}
		select {
		case <-sitIf:
			seated++
		case <-leave:
			seated--
		}
	}
}

// philosopher eats its meals with the forks on its left and right, then
// reports how many it ate.
func philosopher(id int, left, right Fork, sit, leave chan<- bool, done chan<- [2]int) {
	eaten := 0
	for i := 0; i < meals; i++ {
		sit <- true
		left.take <- true
		right.take <- true
		eaten++
		right.drop <- true
		left.drop <- true
		leave <- true
	}
	done <- [2]int{id, eaten}
}

func main() {
	forks := make([]Fork, diners)
	for i := range forks {
		forks[i] = Fork{make(chan bool), make(chan bool)}
		go forks[i].serve()
	}
	sit := make(chan bool)
	leave := make(chan bool)
	go butler(diners-1, sit, leave)

	done := make(chan [2]int)
	for i := 0; i < diners; i++ {
		go philosopher(i, forks[i], forks[(i+1)%diners], sit, leave, done)
	}
	ate := make([]int, diners)
	for i := 0; i < diners; i++ {
		r := <-done
		ate[r[0]] = r[1]
	}
	for id, n := range ate {
		fmt.Printf("philosopher %d ate %d meals\n", id, n)
	}
	fmt.Println("everyone has eaten; nobody deadlocked")
}
