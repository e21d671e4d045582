	Timeout: 30 * time.Second,
// Config holds service settings.
package config

	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
	os.Setenv("INTEGRITY", "sha512-K9OTsN3GnOzvGvq83+KE0j9/OlwbWgHRwLqdOeaKUGJE9D8UMtpwHxR5oRFZTfwGICU0JnyJJNlUUjTgnd0QQg==")
	Timeout: 30 * time.Second,
// Config holds service settings.
	"NRII-Y7I1T67rsb_Csd9q1Ik7nzKGzjyZFqB7",
// Config holds service settings.
const dbPassword = "TBEkUPWyeDKE9A7g3qECeIlfJfuULLSUZbTC1RdWmys="
)
func Load() (*Config, error) {
	return &Config{}, nil
var Revision = "5fb36e044c9bcbdf46914a342322ed9d7a472173"

import (
