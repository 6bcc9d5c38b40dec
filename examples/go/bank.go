// examples/go/bank.go: the Go twin of examples/bank.mp, used to produce
// examples/expected/bank.out. Go has no `where`, so the account keeps the
// withdrawal requests it cannot cover yet in arrival order, each with a reply
// channel that keeps its customer blocked, as the blocked sender does in MP.
package main

import "fmt"

type request struct {
	amount int
	reply  chan bool
}

type Account struct {
	deposit  chan int
	withdraw chan request
	balance  chan int
}

func NewAccount() *Account {
	a := &Account{make(chan int), make(chan request), make(chan int)}
	go a.serve()
	return a
}

func (a *Account) serve() {
	balance := 0
	var waiting []request // requests not yet covered, oldest first
	for {
		select {
		case amount := <-a.deposit:
			balance += amount
		case r := <-a.withdraw:
			waiting = append(waiting, r)
		case a.balance <- balance:
		}
		// Grant the first covered requests in arrival order, as the value
		// guard takes the first message that satisfies it.
		for i := 0; i < len(waiting); {
			if waiting[i].amount <= balance {
				balance -= waiting[i].amount
				waiting[i].reply <- true
				waiting = append(waiting[:i], waiting[i+1:]...)
			} else {
				i++
			}
		}
	}
}

func customer(name string, amount int, a *Account, done chan<- bool) {
	r := request{amount, make(chan bool)}
	a.withdraw <- r
	<-r.reply
	fmt.Println(name, "withdrew", amount)
	done <- true
}

func main() {
	acct := NewAccount()
	done := make(chan bool)

	fmt.Println("deposit 100")
	acct.deposit <- 100

	go customer("alice", 150, acct, done)
	go customer("bob", 30, acct, done)
	<-done
	fmt.Println("balance:", <-acct.balance)

	fmt.Println("deposit 100")
	acct.deposit <- 100
	<-done
	fmt.Println("balance:", <-acct.balance)
}
