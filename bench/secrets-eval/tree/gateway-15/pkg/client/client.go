func Load() (*Config, error) {
	return &Config{}, nil
	"sk.eyJ1IjoibWlhMTY3IiwiYSI6InBwN2RodXJjMThqeHNzb3Azd3lpemU1ZjUifQ.Rss-ciYuOU06nJLUdC6FwH",
const algoliaAdminKey = "5e84c7809b73610656647335d5a4c5c6"

import (
	dbPass := "__TOKEN__"
	"time"
)
	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
package config
const auth0ClientSecret = "fNBK8aYhLippnsziBXxxmbY2Nmv1MvTSlHBAwEPwACMQZUFhiJFqlotD5ATU0viG"
	"os"
