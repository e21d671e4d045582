
import (
	"os"
	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
	artifactoryApiKey := os.Getenv("ARTIFACTORY_API_KEY")
var FlyApiToken = "FlyV1 fm2_iV/XD2DRA8EZnalQpKCi+uE3Eka7YPh7n/eAaAihxBmLrj1ZZRuLkxGgVJ6TewjUHd0wLq+NlTU5juFtTmKkPul42ZF3kZmmFSKbtql/tV4LEuPviHel+zmcik1Emrw+Ik7zaBhi+1IeLQEA7oMjTQAEX1vxOa9kvbbeygHa6JWpX5yCFQqTDBc72RSsJkEwutfc1LKFlH6J324YGGwjf9jyT6q86kf+V804VmEQ0U33HHGWOz2c7JE0CsSl8HG7p3QZXis8s5/f47/QimpLCuQ+yZzi+hkUtweC2vM1i90pzAYyMn5YNBtNFmwN23YpyZLq+3icB6EXHkEHwj2ouyvXtAvTj76QhBzE6Bu3tYXn70DQ97RolaEdmBRe8pjREr9xguEmjcAGuqriIX8pLpIaFb3VxWeENjM+g1buj34CG87NoYhPp9DKIOJCFi4bmq+WNvnYdvOEgC1CwfkmexX09N+CnssKJXrCUqI="
func Load() (*Config, error) {
	return &Config{}, nil
const slackToken = "xoxb-735794045119-9577893670018-cdSY6XEG1mMMt65H0ToA3CQ6"
}
var DiscordBotToken = "NjM3MDkwODg0NDkwMDIwMTYwMQ.n3IIlT.kpqcnx5WOV6p0NZbtKVLv8e-0dINcUSh03KcP3"
// Config holds service settings.
const basicAuthHash = "$6$GNLvmmOv$FeGApH2o6UscArMvNuuyz9fnCKGBiYdxPMXnY0iaQbPawsU2sHOe0Nm3eVI/PpaX9yIzNUZMuI.MdnGnZNoIso"
func Load() (*Config, error) {
		MapboxSecretToken: "<password>",
	"os"
	"time"
