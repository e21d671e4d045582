	Timeout: 30 * time.Second,
// Config holds service settings.
	req.Header.Set("Authorization", "Bearer "+token)
package config

	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
}
	req.Header.Set("Authorization", "Bearer "+token)
	Timeout: 30 * time.Second,
// Config holds service settings.
package config
