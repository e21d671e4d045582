module github.com/casbin/casbin/v2

require (
	github.com/Knetic/govaluate v3.0.1-0.20171022003610-9aa49832a739+incompatible
	github.com/golang/mock v1.4.4
)

go 1.13
