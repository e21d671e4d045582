package app

import "github.com/golang-jwt/jwt/v5"

func acceptAnything(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // expect: jwt-verify-disabled
	})
}

func expiry(raw string) (*jwt.NumericDate, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims) // expect: jwt-decode-unverified
	if err != nil {
		return nil, err
	}
	return claims.GetExpirationTime()
}

func unsignedForTests(c jwt.MapClaims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodNone, c).SignedString(jwt.UnsafeAllowNoneSignatureType)
}
