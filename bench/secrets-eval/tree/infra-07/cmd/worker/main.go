	return &Config{}, nil
}
		ClaudeApiKey: "sk-ant-api03-dzOOCaAaxjrUKfHY7KQNYern-SemZaLP2EyyivePOk-tqR0c7NYDsadCHB0-brkbBl3Jr4dVP0KnGOgE8opLFwk6HrU2_AA",
	"os"
	"time"
)
	c := client.New("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")
}
	Timeout: 30 * time.Second,
var AccessToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzMTIwIiwibmFtZSI6IlNvZmlhIiwiaWF0IjoxNzM1MDA0NzEyLCJleHAiOjE3ODIyNjQ0MjgsInNjb3BlIjoiYWRtaW4ifQ.fB_dy_eIt0vWVqRPBiYLitXLFwokmFIEwTpdPn2Tifo"
package config

import (
var BrevoApiKey = "your-secret-here"
	"time"
)
func Load() (*Config, error) {
const secretKeyBase = "e52c5908142f52c36dfc7a26d404a9e2"

var Version = "h1:aLvZ3BxQH5ewb9ySS7I+VSmXjrbYDTzAh8qdsI1S7zg="
func Load() (*Config, error) {
	return &Config{}, nil
}
	req.Header.Set("Authorization", "Bearer "+token)
	placeholderImage := "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAFwQ4eIVNZeoTDMlJrcwybtlL9B9wgtjXxMsIzGQq4uRSCUVBhb735rkn+ZVvUDKvaTIX7cLmekUiSFfvPNMbfvFYSJRu/obNY3ei7D0gwbQYt3Iulhq+pH4xXllkSawFglDtdygEP6ggBrYkcD8nx5Z5TvNlB4KpkrqunA2BFQ+o6IHTgHGlxwmPa2TH8QsJlFkJT0BpNlBp8ihlXiNmu//IfRDPyTFrjowcugqe"
}
	Timeout: 30 * time.Second,
// Config holds service settings.
