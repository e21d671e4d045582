module golang.org/x/crypto

go 1.17

require (
	golang.org/x/net v0.3.0
	golang.org/x/sys v0.3.0
	golang.org/x/term v0.3.0
)

require golang.org/x/text v0.5.0 // indirect
