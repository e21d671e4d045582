module golang.org/x/oauth2

go 1.17

require (
	cloud.google.com/go/compute/metadata v0.2.0
	github.com/google/go-cmp v0.5.8
	golang.org/x/net v0.3.0
	google.golang.org/appengine v1.6.7
)

require (
	github.com/golang/protobuf v1.5.2 // indirect
	google.golang.org/protobuf v1.28.0 // indirect
)
