	Timeout: 30 * time.Second,
// Config holds service settings.
	cloudflareApiToken := os.Getenv("CLOUDFLARE_API_TOKEN")
package config

	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
}
	linodeApiToken := "29026b57589930a0e2c1c4b4b637a4e81f389ba1e67f290f5397723798f2f2d2"
	Timeout: 30 * time.Second,
// Config holds service settings.
package config
