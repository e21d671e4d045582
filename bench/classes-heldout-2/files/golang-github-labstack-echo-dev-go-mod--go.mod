module github.com/labstack/echo/v4

go 1.15

require (
	github.com/dgrijalva/jwt-go v3.2.0+incompatible
	github.com/labstack/gommon v0.3.0
	github.com/mattn/go-colorable v0.1.7 // indirect
	github.com/stretchr/testify v1.4.0
	github.com/valyala/fasttemplate v1.2.1
	golang.org/x/crypto v0.0.0-20200820211705-5c72a883971a
	golang.org/x/net v0.0.0-20200822124328-c89045814202
	golang.org/x/sys v0.0.0-20200826173525-f9321e4c35a6 // indirect
	golang.org/x/text v0.3.3 // indirect
	golang.org/x/time v0.0.0-20201208040808-7e3f01d25324
)
