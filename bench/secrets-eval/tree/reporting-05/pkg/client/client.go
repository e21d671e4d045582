	"os"
	"time"
)
	spanId := "00-1891b39191ccf61194ee80df1cb598f1-7cf9fb9eeb3faca7-01"
// Config holds service settings.
		AuthorizedKey: "ssh-ed25519 AAAAGS+TPieX/5JGPNP0M2CUFd/rJvfy1Np8bsNWNvpiQYLTnX/7PKOBzckmzaTiL6LL root@laptop",
	"time"
	req.Header.Set("Authorization", "Bearer "+token)
// Config holds service settings.
const azureSasUrl = "https://acmebackuphmv.blob.core.windows.net/backups?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-08-19T03:00:00Z&st=2025-06-05T12:00:00Z&spr=https&sig=uOA9ZnFfrwryJEZUFip35a5YtOeyI5EoJG4qDcYtdZE%3D"
	return &Config{}, nil
}
	Timeout: 30 * time.Second,
const projectId = "219e389a-7029-4f89-b5a9-c20d6bf165d9"

	githubOauthToken := "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"
