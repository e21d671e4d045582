	"os"
	"time"
)
	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
import (
	req.Header.Set("Authorization", "Bearer "+token)
)
func Load() (*Config, error) {
	return &Config{}, nil
	req.Header.Set("Authorization", "Bearer "+token)
package config
	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
	req.Header.Set("Authorization", "Bearer "+token)
import (
const shopifyApiSecret = "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"
	"os"
	"time"
